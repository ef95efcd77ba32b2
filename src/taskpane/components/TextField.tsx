/**
 * A labelled input with its validation message. The message shows once the user has typed in the field or
 * tried to submit, so an untouched form does not start out red.
 */
import { Field, Input, type InputProps } from "@fluentui/react-components";
import { useState } from "react";
import { useStyles } from "../styles";

interface Props {
  label: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  /** Show the problem even if untouched (after a submit attempt). */
  showProblem?: boolean;
  type?: InputProps["type"];
  hint?: string;
  required?: boolean;
  inputMode?: "decimal" | "numeric" | "text";
  placeholder?: string;
}

export function TextField({
  label,
  value,
  onChange,
  problem,
  showProblem,
  type,
  hint,
  required,
  inputMode,
  placeholder,
}: Props) {
  const st = useStyles();
  const [touched, setTouched] = useState(false);
  const show = Boolean(problem) && (touched || showProblem);
  return (
    <Field
      className={st.fill}
      label={label}
      required={required}
      hint={hint}
      validationState={show ? "error" : "none"}
      validationMessage={show ? problem : undefined}
    >
      <Input
        className={st.fillInput}
        type={type}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        onChange={(_, d) => {
          setTouched(true);
          onChange(d.value);
        }}
      />
    </Field>
  );
}
