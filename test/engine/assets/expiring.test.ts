import { warrantiesExpiring } from "../../../src/engine/assets/expiring";
import { Book, D, asset } from "./fixture";

describe("warrantiesExpiring", () => {
  const assets = new Book([
    asset("FAR", { WarrantyExpires: D("2024-12-31") }),
    asset("EDGE", { WarrantyExpires: D("2024-07-31") }), // 30 days after 1 Jul
    asset("TODAY", { WarrantyExpires: D("2024-07-01") }),
    asset("PAST", { WarrantyExpires: D("2024-06-30") }),
    asset("SOON", { WarrantyExpires: D("2024-07-10") }),
    asset("NONE"),
    asset("GONE", { WarrantyExpires: D("2024-07-05"), Status: "Disposed", DisposedOn: D("2024-05-01") }),
  ]).register().assets;

  it("lists warranties ending within N days, the expiry day counting as 0 days left, soonest first", () => {
    expect(warrantiesExpiring(assets, D("2024-07-01"), 30).map((w) => [w.assetId, w.daysLeft, w.row])).toEqual([
      ["TODAY", 0, 4],
      ["SOON", 9, 6],
      ["EDGE", 30, 3],
    ]);
  });
  it("leaves out expired warranties, assets without one and disposed assets", () => {
    const ids = warrantiesExpiring(assets, D("2024-07-01"), 365).map((w) => w.assetId);
    expect(ids).toEqual(["TODAY", "SOON", "EDGE", "FAR"]);
  });
  it("with 0 days lists only warranties ending that day", () => {
    expect(warrantiesExpiring(assets, D("2024-07-10"), 0).map((w) => w.assetId)).toEqual(["SOON"]);
  });
});
