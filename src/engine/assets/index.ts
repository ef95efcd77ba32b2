/** The asset register engine: custody queries, operations returning table edits, timers and register checks. */
export * from "./edits";
export * from "./register";
export * from "./custody";
export type { OperationResult } from "./guards";
export * from "./checkout";
export * from "./checkin";
export * from "./move";
export * from "./mark-audited";
export * from "./dispose";
export * from "./warranty";
export * from "./expiring";
export * from "./audit";
export * from "./checks";
