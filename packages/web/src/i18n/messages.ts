/**
 * The shape every language's messages take: the English catalogue of a namespace is the model,
 * and each other language must give a string for every key of it (a missing key fails to compile).
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
