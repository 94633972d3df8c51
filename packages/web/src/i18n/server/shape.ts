/**
 * The shape of a catalogue of the server's texts: English templates as the model, the Chinese for
 * each, the pattern that recognises the English text the server writes (its named groups are the
 * template's parts), and samples of real texts the server writes, which the catalogue test holds
 * to their own key.
 */
export type Patterns<T> = { readonly [K in keyof T]: RegExp };
export type Samples<T> = { readonly [K in keyof T]: readonly [string, ...string[]] };
