/**
 * Find-as-you-type over a list (assets by id or name, items by SKU or description): a Fluent Combobox whose
 * options are filtered by the typed text and capped, so a long register stays quick.
 */
import { Combobox, Field, Option } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useStyles } from "../styles";

export interface PickOption {
  key: string;
  text: string;
}

interface Props {
  label: string;
  options: readonly PickOption[];
  /** The chosen key ("" for none). */
  value: string;
  onChange: (key: string) => void;
  placeholder?: string;
  problem?: string;
  showProblem?: boolean;
  required?: boolean;
  limit?: number;
}

export function Picker({
  label,
  options,
  value,
  onChange,
  placeholder,
  problem,
  showProblem,
  required,
  limit = 50,
}: Props) {
  const st = useStyles();
  const chosen = options.find((o) => o.key === value);
  const [query, setQuery] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const text = query ?? chosen?.text ?? value;
  const shown = useMemo(() => {
    const q = (query ?? "").trim().toLowerCase();
    const hits = q ? options.filter((o) => o.text.toLowerCase().includes(q)) : options;
    return hits.slice(0, limit);
  }, [options, query, limit]);
  const show = Boolean(problem) && (touched || showProblem);
  return (
    <Field
      className={st.fill}
      label={label}
      required={required}
      validationState={show ? "error" : "none"}
      validationMessage={show ? problem : undefined}
    >
      <Combobox
        className={st.fillInput}
        freeform
        placeholder={placeholder}
        value={text}
        selectedOptions={value ? [value] : []}
        onInput={(e) => {
          const t = (e.target as HTMLInputElement).value;
          setTouched(true);
          setQuery(t);
          // A typed key that matches exactly counts as chosen, so keyboard users need not open the list.
          const exact = options.find((o) => o.key.toLowerCase() === t.trim().toLowerCase());
          onChange(exact ? exact.key : t.trim());
        }}
        onOptionSelect={(_, d) => {
          setTouched(true);
          setQuery(null);
          if (d.optionValue) onChange(d.optionValue);
        }}
      >
        {shown.map((o) => (
          <Option key={o.key} value={o.key} text={o.text}>
            {o.text}
          </Option>
        ))}
        {shown.length === 0 ? (
          <Option key="__none" value="" text="" disabled>
            No match
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
