import { useState } from "react";
import { useEditor } from "./context";
import { FieldErrors } from "./controls";
import { TWITCH_PURPLE, colorToHex, inputId, parseHex } from "./template";

/** The embed colour: a picker and a hex text box kept in step; null means Twitch purple. */
export function ColorField() {
  const { template, dispatch } = useEditor();
  const color = template.embed.color;
  const hex = colorToHex(color);
  const [text, setText] = useState(hex);
  const [shown, setShown] = useState(hex);
  if (hex !== shown) {
    // The colour changed elsewhere (picker, reset, load): show it, unless the
    // text being typed already means this colour (e.g. "#fff").
    setShown(hex);
    if (parseHex(text) !== (color ?? TWITCH_PURPLE)) setText(hex);
  }
  const valid = parseHex(text) !== null;
  const id = inputId("embed.color");

  return (
    <fieldset className="color-field">
      <legend>Colour of the left bar</legend>
      <div className="color-row">
        <label className="sr-only" htmlFor={`${id}-picker`}>
          Colour picker
        </label>
        <input
          id={`${id}-picker`}
          type="color"
          value={hex}
          onChange={(e) => dispatch({ type: "color", value: parseHex(e.target.value) })}
        />
        <label className="sr-only" htmlFor={id}>
          Colour hex code
        </label>
        <input
          id={id}
          className="hex-input"
          type="text"
          value={text}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!valid || undefined}
          aria-describedby={valid ? undefined : `${id}-invalid`}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parseHex(e.target.value);
            if (parsed !== null) dispatch({ type: "color", value: parsed });
          }}
        />
        {color === null || color === TWITCH_PURPLE ? (
          <span className="hint">Twitch purple, the default</span>
        ) : (
          <button type="button" className="btn btn-small btn-quiet" onClick={() => dispatch({ type: "color", value: null })}>
            Use Twitch purple
          </button>
        )}
      </div>
      {!valid && (
        <p className="field-errors" id={`${id}-invalid`}>
          Enter a colour as a hex code, like #9146FF.
        </p>
      )}
      <FieldErrors location="embed.color" />
    </fieldset>
  );
}
