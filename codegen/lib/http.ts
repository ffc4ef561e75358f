/**
 * Names that reach HTTP. A header or auth name comes from the spec (untrusted)
 * and ends up in `new Headers()` at run time, which throws a TypeError on
 * anything but a token: checked at generate time instead, so a spec cannot
 * produce a client whose every call fails (or that smuggles a second header
 * through CR/LF).
 */

/** RFC 9110 §5.6.2: token = 1*tchar; tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHttpToken(name: unknown): name is string {
  return typeof name === 'string' && TOKEN.test(name);
}
