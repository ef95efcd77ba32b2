import { describePortContract } from "./contract";
import { officeHarness } from "./contractHarnesses";

describePortContract("Office.js over the Excel fake", officeHarness);
