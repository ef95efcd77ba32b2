export * from "./tables";
export * from "./rows";
export * from "./parse";
