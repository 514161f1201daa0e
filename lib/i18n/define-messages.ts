// A feature's UI strings in both languages, English checked to have exactly French's keys.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const defineMessages = <T>(fr: T, en: Shape<T>) => ({ fr, en });
