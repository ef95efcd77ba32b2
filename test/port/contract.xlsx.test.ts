import { describePortContract } from "./contract";
import { xlsxHarness } from "./contractHarnesses";

describePortContract("ExcelJS over .xlsx files (saved and re-opened)", xlsxHarness);
