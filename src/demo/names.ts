/** The people, places and suppliers of the demo company (a small distributor with a workshop). */
export const LOCATIONS = ["Head office", "Warehouse North", "Warehouse South", "Workshop", "Field office"] as const;

export const PEOPLE = [
  "Alice Martin",
  "Ben Okafor",
  "Carla Diaz",
  "Dev Patel",
  "Emma Larsen",
  "Farid Haddad",
  "Grace Kim",
  "Hugo Weber",
  "Ines Costa",
  "Jon Berg",
] as const;

export const CUSTOMERS = [
  "Northwind Traders",
  "Contoso Ltd",
  "Fabrikam Inc",
  "Adventure Works",
  "Tailspin Toys",
  "Wide World Importers",
  "Litware Inc",
  "Proseware",
] as const;

export const SUPPLIERS = ["Acme Supply", "Globex Wholesale", "Initech Parts", "Umbrella Distribution"] as const;

/** Who records asset operations in the demo (the AssetLog's By). */
export const CLERK = "Stores desk";
