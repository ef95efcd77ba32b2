import { describePortContract } from "./contract";
import { memoryHarness } from "./contractHarnesses";

describePortContract("in-memory", memoryHarness);
