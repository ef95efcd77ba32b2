/** Shows the result of an action: success (with any warnings), or the refusal / failure message as it is. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Outcome } from "../logic/outcome";

export function OutcomeBar({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <MessageBar intent="error" politeness="assertive" data-testid="outcome-error">
        <MessageBarBody>
          <MessageBarTitle>Not done</MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent="success" data-testid="outcome-ok">
        <MessageBarBody>{outcome.message}</MessageBarBody>
      </MessageBar>
      {(outcome.warnings ?? []).map((w) => (
        <MessageBar intent="warning" key={w}>
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
