import { DiscordPreview } from "../preview/DiscordPreview";
import type { Sample } from "../types";
import type { PreviewState } from "./useRenderPreview";

const SAMPLES: [Sample, string][] = [
  ["typical", "Typical"],
  ["long_title", "Long title"],
  ["no_game", "No game"],
  ["emoji", "Emoji"],
];

interface Props {
  preview: PreviewState & { retry: () => void };
  sample: Sample;
  onSample: (sample: Sample) => void;
}

export function PreviewPanel({ preview, sample, onSample }: Props) {
  return (
    <section className="panel preview-panel" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title">Preview</h2>
        <div className="sample-select">
          <label htmlFor="sample">Sample stream</label>
          <select id="sample" value={sample} onChange={(e) => onSample(e.target.value as Sample)}>
            {SAMPLES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="discord-frame" aria-busy={preview.pending}>
        {preview.message ? (
          <DiscordPreview message={preview.message} />
        ) : (
          !preview.failure && <p className="preview-loading">Rendering the preview…</p>
        )}
        <p className="preview-state" aria-hidden="true">
          {preview.pending ? "Updating…" : ""}
        </p>
      </div>
      {preview.failure && (
        <div className="notice notice-error" role="alert">
          <p>The preview couldn't be updated: {preview.failure}</p>
          <button type="button" className="btn btn-small btn-secondary" onClick={preview.retry}>
            Try again
          </button>
        </div>
      )}
      <p className="hint">
        Rendered by StreamMaxing exactly as Discord will receive it, with sample data. Times show in your time zone.
      </p>
    </section>
  );
}
