// Identifier formats shared by the contracts (and the generator that writes them).
export const ID_PATTERNS = {
  customer: "^C\\d{7}$",
  sku: "^SKU-\\d{5}$",
  order: "^ORD-\\d{8}$",
  payment: "^PAY-\\d{9}$",
  return: "^RET-\\d{8}$",
  promo: "^PRM-\\d{4}$",
  uuid: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
  email: "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$",
  countryCode: "^[A-Z]{2}$",
  currency: "^[A-Z]{3}$",
  ipv4: "^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$",
} as const;

export const WAREHOUSES = ["PAR1", "LYS1"] as const;
