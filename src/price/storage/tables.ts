/** Tables of the price area; filled in as its storage lands. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PriceTables {}
