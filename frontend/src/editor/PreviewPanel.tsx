import { SAMPLES } from "../generated/template";
import { DiscordPreview } from "../preview/DiscordPreview";
import type { Sample } from "../types";
import type { PreviewState } from "./useRenderPreview";

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
            {SAMPLES.map(({ name, label }) => (
              <option key={name} value={name}>
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
