/**
 * The frame every "record something" form of the task pane shares (Assets: an action on an asset; Inventory: a
 * stock movement): a titled section, a form that checks its fields before it asks the engine, a primary button
 * with a spinner while the workbook is written, and the outcome as the engine gave it.
 */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { useState, type Dispatch, type ReactNode, type SetStateAction } from "react";
import type { Outcome } from "../logic/outcome";
import { useStyles } from "../styles";
import { OutcomeBar } from "./OutcomeBar";

export interface ActionRun {
  /** True once the user pressed the button: field problems are shown from then on. */
  tried: boolean;
  /** Bumped after a success so the fields mount afresh and "touched" messages do not greet a cleared form. */
  round: number;
  busy: boolean;
  outcome: Outcome | null;
  /** Forget the last try (e.g. the user chose another action): no problems or outcome shown. */
  reset(): void;
  clearOutcome(): void;
  /**
   * Marks the form tried; when there are no problems, runs `act` and shows its outcome; on success starts a new
   * round and calls `done` (clear what belonged to this entry, refresh the workbook view).
   */
  submit(problems: object, act: () => Promise<Outcome>, done: () => void | Promise<void>): Promise<void>;
}

export function useActionRun(): ActionRun {
  const [tried, setTried] = useState(false);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return {
    tried,
    round,
    busy,
    outcome,
    reset: () => {
      setTried(false);
      setOutcome(null);
    },
    clearOutcome: () => setOutcome(null),
    submit: async (problems, act, done) => {
      setTried(true);
      setOutcome(null);
      if (Object.keys(problems).length > 0) return;
      setBusy(true);
      try {
        const o = await act();
        setOutcome(o);
        if (o.ok) {
          setTried(false);
          setRound((r) => r + 1);
          await done();
        }
      } finally {
        setBusy(false);
      }
    },
  };
}

/** What a TextField of a form needs: its value, how to change it, and its problem once the form was tried. */
export interface FieldBinding {
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  showProblem: boolean;
}

/** `bind("date")` gives the props of the form's "date" field: `<TextField label="Date" {...bind("date")} />`. */
export function binder<F extends { [K in keyof F]: string }>(
  form: F,
  setForm: Dispatch<SetStateAction<F>>,
  problems: Partial<Record<string, string>>,
  tried: boolean
): (k: keyof F & string) => FieldBinding {
  return (k) => ({
    value: form[k],
    onChange: (v) => setForm((f) => ({ ...f, [k]: v })),
    problem: problems[k],
    showProblem: tried,
  });
}

export interface ActionFormProps {
  /** Id of the section's heading (the section is labelled by it). */
  headingId: string;
  title: string;
  /** Accessible name of the form. */
  label: string;
  run: ActionRun;
  onSubmit: () => void;
  /** Text of the primary button. */
  button: string;
  /** Spinner text while the work runs. */
  busyLabel: string;
  disabled?: boolean;
  children: ReactNode;
}

export function ActionForm(p: ActionFormProps) {
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby={p.headingId}>
      <h3 id={p.headingId} className={s.h3}>
        {p.title}
      </h3>
      <form
        key={p.run.round}
        className={s.form}
        aria-label={p.label}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          p.onSubmit();
        }}
      >
        {p.children}
        <div className={s.row}>
          <Button appearance="primary" type="submit" disabled={p.run.busy || p.disabled}>
            {p.button}
          </Button>
          {p.run.busy && <Spinner size="tiny" label={p.busyLabel} />}
        </div>
        <OutcomeBar outcome={p.run.outcome} />
      </form>
    </section>
  );
}

/** Said at the top of a page whose table is not in the workbook. */
export function MissingTable({ table }: { table: string }) {
  const s = useStyles();
  return (
    <Text className={s.danger}>The workbook has no {table} table. Use &ldquo;Set up tables&rdquo; on Overview.</Text>
  );
}
