'use client';

import type { ParamField } from '@parley/games';

/**
 * A game's parameters as form fields, from its descriptor (`supports.paramFields`): they edit
 * the same JSON object as the advanced box, so both stay in step. The server validates it all.
 */

/** The parameters as an object, or null while the JSON box does not hold one. */
export function paramsObject(text: string): Record<string, unknown> | null {
  try {
    const value = text.trim() ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The JSON a person's new match starts from: each field's initial value, where it gives one. */
export function initialParamsText(fields: readonly ParamField[]): string {
  const start: Record<string, unknown> = {};
  for (const f of fields) if (f.initial !== undefined) start[f.key] = f.initial;
  return JSON.stringify(start, null, 2);
}

const visible = (f: ParamField, params: Record<string, unknown>, defaults: Record<string, unknown>) =>
  !f.when || f.when.in.includes(String(params[f.when.key] ?? defaults[f.when.key]));

export function ParamFields({
  fields,
  defaults,
  text,
  onChange,
}: {
  fields: readonly ParamField[];
  defaults: Record<string, unknown>;
  text: string;
  onChange(text: string): void;
}) {
  const params = paramsObject(text);
  if (!params) return null;
  const current = (key: string) => params[key] ?? defaults[key];
  const set = (key: string, value: unknown) => onChange(JSON.stringify({ ...params, [key]: value }, null, 2));
  const number = (raw: string) => (raw.trim() === '' ? '' : Number(raw));
  return (
    <div className="form-grid" data-testid="param-fields">
      {fields
        .filter((f) => visible(f, params, defaults))
        .map((f) => {
          if (f.kind === 'choice')
            return (
              <label key={f.key}>
                {f.label}
                <select name={`param-${f.key}`} value={String(current(f.key))} onChange={(e) => set(f.key, e.target.value)}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            );
          if (f.kind === 'integer')
            return (
              <label key={f.key}>
                {f.label}
                <input
                  type="number"
                  name={`param-${f.key}`}
                  min={f.min}
                  max={f.max}
                  step={1}
                  value={String(current(f.key) ?? '')}
                  onChange={(e) => set(f.key, number(e.target.value))}
                />
              </label>
            );
          const pair = (Array.isArray(current(f.key)) ? current(f.key) : [0, 0]) as number[];
          return f.labels.map((label, i) => (
            <label key={`${f.key}-${label}`}>
              {label}
              <input
                type="number"
                name={`param-${f.key}-${i}`}
                min={f.min}
                step={1}
                value={String(pair[i] ?? '')}
                onChange={(e) => {
                  const next = [...pair];
                  next[i] = number(e.target.value) as number;
                  set(f.key, next);
                }}
              />
            </label>
          ));
        })}
    </div>
  );
}
