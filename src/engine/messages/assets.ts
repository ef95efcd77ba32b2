/**
 * Messages of the asset register (operations, custody queries, register checks), written for an accountant:
 * what is wrong, where, and what to do. Dates in messages are ISO text (yyyy-mm-dd).
 */
import { toIso } from "../dates";

const d = (serial: number) => toIso(serial);
const at = (row: number) => `row ${row}`;

export const assetMessages = {
  // Arguments of an operation
  blankAsset: () => "Give an AssetID.",
  unknownAsset: (id: string) => `Asset ${id} is not in the Assets table. Check the AssetID or add the asset first.`,
  badDate: (what: string) => `${what} must be a date (an Excel date between 1900 and 9999).`,
  blankBorrower: () => "Give the person the asset is checked out to.",
  badProceeds: () => "Disposal proceeds must be a number of 0 or more (0 when the asset was scrapped).",
  nothingToMove: (id: string) =>
    `Moving asset ${id} needs a new location, custodian or status different from the current one.`,
  statusNotMovable: (status: string) =>
    `A move can set the status to In service, In repair or Lost, not ${status}: ` +
    "Checked out and Disposed are set by check-out and dispose.",
  blankAuditor: () => "Give the name of the person who audited the asset.",

  // Refusals: state of the asset
  disposed: (id: string, on: number | null, row: number) =>
    `Asset ${id} was disposed of${on !== null ? ` on ${d(on)}` : ""} (Assets ${at(row)}); nothing more can be done with it.`,
  lost: (id: string, row: number) =>
    `Asset ${id} is marked Lost (Assets ${at(row)}). Record where it was found with an audit first.`,
  alreadyOut: (id: string, to: string, since: number, row: number) =>
    `Asset ${id} is already checked out to ${to} since ${d(since)} (Checkouts ${at(row)}). Check it in first.`,
  statusSaysOut: (id: string, row: number) =>
    `Asset ${id} has status Checked out (Assets ${at(row)}) but no open loan in Checkouts. ` +
    "Correct its Status, or add the missing loan to Checkouts, before checking it out again.",
  notOut: (id: string) => `Asset ${id} is not checked out: Checkouts has no open loan for it.`,
  manyOpen: (id: string, rows: number[]) =>
    `Asset ${id} has ${rows.length} open loans (Checkouts rows ${rows.join(", ")}). ` +
    "Fill ReturnedOn of the loans that ended, so only one stays open, then check it in.",
  dueBeforeOut: (due: number, out: number) =>
    `The due date ${d(due)} is before the check-out date ${d(out)}. Give a due date on or after the check-out.`,
  returnBeforeOut: (id: string, ret: number, out: number, row: number) =>
    `The return date ${d(ret)} is before asset ${id} was checked out on ${d(out)} (Checkouts ${at(row)}).`,
  beforeAcquired: (id: string, what: string, date: number, acquired: number, row: number) =>
    `The ${what} date ${d(date)} is before asset ${id} was acquired on ${d(acquired)} (Assets ${at(row)}).`,
  beforeLastEvent: (id: string, what: string, date: number, last: number, where: string) =>
    `The ${what} date ${d(date)} is before the last recorded event of asset ${id} on ${d(last)} (${where}). ` +
    "Give a later date: the history must stay in order.",
  custodianWhileOut: (id: string, to: string) =>
    `Asset ${id} is checked out to ${to}. Check it in before changing its custodian or status ` +
    "(to lend it to someone else, check it in and check it out to the new person).",
  auditBeforeLast: (id: string, date: number, last: number, row: number) =>
    `The audit date ${d(date)} is before asset ${id}'s last audit on ${d(last)} (Assets ${at(row)}).`,
  disposeWhileOut: (id: string, to: string, row: number) =>
    `Asset ${id} is still checked out to ${to} (Checkouts ${at(row)}). Check it in before disposing of it.`,

  // Log notes written by the operations
  noteDue: (due: number | null) => (due === null ? "" : `Due ${d(due)}.`),
  noteAt: (loc: string | null) => (loc === null ? "" : `At ${loc}.`),
  noteField: (field: "Location" | "Custodian" | "Status") => `${field} changed.`,
  noteProceeds: (proceeds: number) => `Proceeds ${proceeds}.`,
  noteFound: (status: string) => `Found; status was ${status}.`,

  // Register checks
  noInService: () =>
    "InServiceOn is blank: fill in the date the asset was placed in service (depreciation starts then).",
  inServiceBeforeAcquired: (inService: number, acquired: number) =>
    `InServiceOn ${d(inService)} is before AcquiredOn ${d(acquired)}: an asset cannot be used before it is acquired.`,
  disposedNoDate: () => "Status is Disposed but DisposedOn is blank: fill in the disposal date.",
  disposedDateNotStatus: (status: string | null) =>
    `DisposedOn is filled but Status is ${status ?? "blank"}: set Status to Disposed, or clear DisposedOn.`,
  disposedBeforeAcquired: (disposed: number, acquired: number) =>
    `DisposedOn ${d(disposed)} is before AcquiredOn ${d(acquired)}.`,
  zeroCost: () => "Cost is 0: enter what the asset cost to acquire and put in service.",
  outNoLoan: () =>
    "Status is Checked out but Checkouts has no open loan for this asset: add the loan, or correct the Status.",
  loanNotOut: (id: string, status: string | null, assetRow: number) =>
    `Asset ${id} is on loan here (no ReturnedOn) but its Status is ${status ?? "blank"} (Assets ${at(assetRow)}). ` +
    "Fill ReturnedOn if it came back, or set the Status to Checked out.",
  disposedOnLoan: (id: string, assetRow: number) =>
    `Asset ${id} is disposed (Assets ${at(assetRow)}) but this loan has no ReturnedOn. Fill ReturnedOn.`,
  extraOpenLoan: (id: string, firstRow: number) =>
    `Asset ${id} already has an open loan on row ${firstRow}; an asset can be on only one loan at a time. ` +
    "Fill ReturnedOn of the loan that ended.",
  loanUnknownAsset: (id: string) =>
    `Asset ${id} is not in the Assets table (or its row there was skipped: see the Assets issues). Check the AssetID.`,
  returnedBeforeOut: (ret: number, out: number) =>
    `ReturnedOn ${d(ret)} is before CheckedOutOn ${d(out)}: check both dates.`,
  dueBeforeOutRow: (due: number, out: number) => `DueOn ${d(due)} is before CheckedOutOn ${d(out)}: check both dates.`,
  custodianMismatch: (custodian: string | null, holder: string, loanRow: number) =>
    `Custodian is ${custodian ?? "blank"} but the open loan (Checkouts ${at(loanRow)}) is to ${holder}: ` +
    "set Custodian to the borrower.",
};
