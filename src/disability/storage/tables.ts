/** Tables of the disability area; filled in as its storage lands. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DisabilityTables {}
