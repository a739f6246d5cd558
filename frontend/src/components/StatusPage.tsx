import type { ReactNode } from "react";
import { Layout, useDocumentTitle } from "./Layout";

interface Props {
  tone: "success" | "error";
  title: string;
  children: ReactNode;
  /** Links or buttons under the text. */
  actions?: ReactNode;
}

const ICONS = {
  success: "M5 12.5l4.5 4.5L19 7.5",
  error: "M12 7v6M12 16.5v.5",
};

/** A one-message page: success after linking, or what went wrong and what to do. */
export function StatusPage({ tone, title, children, actions }: Props) {
  useDocumentTitle(title);
  return (
    <Layout>
      <section className={`status-card status-${tone}`} aria-labelledby="status-title">
        <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="11" />
          <path d={ICONS[tone]} />
        </svg>
        <h1 id="status-title">{title}</h1>
        <div className="status-text">{children}</div>
        {actions && <div className="actions">{actions}</div>}
      </section>
    </Layout>
  );
}
