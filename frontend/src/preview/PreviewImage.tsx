import { useState } from "react";
import { safeUrl } from "./Markdown";

interface Props {
  src: string | undefined;
  className: string;
  alt?: string;
}

/**
 * An image of the rendered message. A URL that cannot load (made-up sample
 * pictures, a typo, an offline machine) shows a neutral placeholder of the
 * same size instead of a broken-image icon.
 */
export function PreviewImage({ src, className, alt = "" }: Props) {
  const url = safeUrl(src);
  const [failed, setFailed] = useState<string | null>(null);
  if (!url || failed === url) {
    return (
      <span className={`${className} dc-img-placeholder`} role="img" aria-label={alt || "Image"} title={src}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
      </span>
    );
  }
  return (
    <img
      className={className}
      src={url}
      alt={alt}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(url)}
    />
  );
}
