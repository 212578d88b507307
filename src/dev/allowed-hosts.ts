import net from 'node:net';
import os from 'node:os';

/**
 * Which `Host` headers the dev server answers. A page of another site can make the browser send
 * requests here under its own name (DNS rebinding: attacker.example resolves to 127.0.0.1), and
 * then read the answers, drafts included, as they are of its own origin. Answering only the names
 * of this server closes that: an attacker controls a name, never the origin of an address literal
 * or of `localhost`.
 *
 * Always answered: localhost, 127.0.0.1, [::1] and the `--host` given, with any port (an
 * `ssh -L 8080:localhost:4000` tunnel sends `localhost:8080`). Listening on every interface
 * (`--host 0.0.0.0` or `::`), also every IP address literal (whichever address of the machine the
 * browser used) and the machine's own name (`os.hostname()`, and `NAME.local` as mDNS announces it).
 */
export function hostChecker(listenHost: string): (hostHeader: string | undefined) => boolean {
  const listening = nameOf(bracketed(listenHost));
  const everywhere = listening === '0.0.0.0' || listening === '[::]';
  const machineName = os.hostname();
  const label = machineName.split('.')[0] ?? machineName;
  const names = new Set(
    ['localhost', '127.0.0.1', '[::1]', listenHost]
      .concat(everywhere ? [machineName, label, `${label}.local`] : [])
      .map((n) => nameOf(bracketed(n))),
  );
  return (hostHeader) => {
    // Only HTTP/1.0 requests may come without a Host (Node refuses HTTP/1.1 ones), and no browser
    // sends one without it: such a request cannot be a rebinding page's.
    if (hostHeader === undefined) return true;
    const name = nameOf(hostHeader.replace(/:\d{1,5}$/, ''));
    if (name === undefined) return false;
    return names.has(name) || (everywhere && net.isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0);
  };
}

/** `--host ::1` is `[::1]` in a Host header. */
const bracketed = (host: string): string =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

/**
 * A host name as browsers write it (lower case, IP addresses in their shortest form, IPv6 in
 * brackets), or undefined when the text is not a bare host: `a@b`, `a/b` and `a#b` name another
 * host to a URL parser, so they never match.
 */
function nameOf(text: string): string | undefined {
  if (!/^(?:\[[0-9a-f:.]+\]|[a-z0-9._-]+)$/i.test(text)) return undefined;
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return undefined;
  }
}
