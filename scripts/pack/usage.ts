/** One usage line per command; errors about a command's arguments repeat its line. */
export const COMMAND_USAGE = {
  validate: 'npm run pack -- validate <file>',
  keygen: 'npm run pack -- keygen [--out <basename>]',
  sign: 'npm run pack -- sign <file> --key <private key file>',
  diff: 'npm run pack -- diff <old file> <new file>',
  publish:
    'npm run pack -- publish <dir> [--out <dir>] [--key <private key file>] [--base-url <url>]',
} as const;

export const USAGE = `Fact Lens pack tools

Usage:
  ${COMMAND_USAGE.validate}
      Check a pack; print "OK <id> <version>" or each problem with its JSON path.
  ${COMMAND_USAGE.keygen}
      Make an Ed25519 key pair: <basename>.private.key (secret) and <basename>.public.key.
      The basename defaults to fact-lens-publisher.
  ${COMMAND_USAGE.sign}
      Write <file>.sig, a signature of the file's exact bytes.
  ${COMMAND_USAGE.diff}
      Say what changed between two versions of a pack.
  ${COMMAND_USAGE.publish}
      Copy every *.pack.json in <dir> to <id>-<version>.pack.json in --out (default
      <dir>/public), with signatures and an index.json that subscribers can follow.

Exit codes: 0 done, 1 invalid input, 2 usage error or unreadable file.
`;
