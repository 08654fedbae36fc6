/**
 * DAIDE tokens: every word of the protocol is a 16-bit token, category in the high byte and
 * index in the low byte (the Diplomacy AI Development Environment message syntax, v0.178, and
 * the client-server protocol, rev. 14). Integers are 14-bit two's complement in categories
 * 0x00–0x3F; text is one ASCII character per token in category 0x4B; provinces carry their kind
 * (inland, sea, coastal, bicoastal, and whether a supply centre) in the high byte.
 *
 * This module only names tokens: `tokenName(0x4800) === 'CCD'`, `tokenCode('CCD') === 0x4800`.
 */

const table: Array<[number, string]> = [];
const category = (hi: number, names: string, start = 0, step = 1) =>
  names.split(' ').forEach((name, i) => {
    table.push([(hi << 8) | (start + i * step), name]);
  });
const listed = (hi: number, pairs: string) =>
  pairs
    .trim()
    .split(/\s+/)
    .forEach((pair) => {
      const [name, low] = pair.split(':') as [string, string];
      table.push([(hi << 8) | Number.parseInt(low, 16), name]);
    });

category(0x40, '( )');
category(0x41, 'AUS ENG FRA GER ITA RUS TUR');
category(0x42, 'AMY FLT');
listed(0x43, 'CTO:20 CVY:21 HLD:22 MTO:23 SUP:24 VIA:25 DSB:40 RTO:41 BLD:80 REM:81 WVE:82');
category(0x44, 'MBV BPR CST ESC FAR HSC NAS NMB NMR NRN NRS NSA NSC NSF NSP NST NSU NVR NYU YSC');
category(0x45, 'SUC BNC CUT DSR FLD NSO RET');
category(0x46, 'NCS NEC ECS SEC SCS SWC WCS NWC', 0, 2);
category(0x47, 'SPR SUM FAL AUT WIN');
category(
  0x48,
  'CCD DRW FRM GOF HLO HST HUH IAM LOD MAP MDF MIS NME NOT NOW OBS OFF ORD OUT PRN REJ SCO SLO SND SUB SVE THX TME YES ADM SMR',
);
listed(0x49, 'AOA:00 BTL:01 ERR:02 LVL:03 MRT:04 MTL:05 NPB:06 NPR:07 PDA:08 PTL:09 RTL:0A UNO:0B DSD:0D');
listed(
  0x4a,
  `ALY:00 AND:01 BWX:02 DMZ:03 ELS:04 EXP:05 FCT:06 FOR:07 FWD:08 HOW:09 IDK:0A IFF:0B INS:0C OCC:0E ORR:0F
   PCE:10 POB:11 PRP:13 QRY:14 SCD:15 SRY:16 SUG:17 THK:18 THN:19 TRY:1A VSS:1C WHT:1D WHY:1E XDO:1F XOY:20
   YDO:21 CHO:22 BCC:23 UNT:24 NAR:25 CCL:26`,
);
// The standard map's provinces: the low byte is a global index, the high byte 0x50 + 2×kind (+1 if a centre).
category(0x50, 'BOH BUR GAL RUH SIL TYR UKR', 0x00);
category(0x51, 'BUD MOS MUN PAR SER VIE WAR', 0x07);
category(0x52, 'ADR AEG BAL BAR BLA EAS ECH GOB GOL HEL ION IRI MAO NAO NTH NWG SKA TYS WES', 0x0e);
category(0x54, 'ALB APU ARM CLY FIN GAS LVN NAF PIC PIE PRU SYR TUS WAL YOR', 0x21);
category(0x55, 'ANK BEL BER BRE CON DEN EDI GRE HOL KIE LON LVP MAR NAP NWY POR ROM RUM SEV SMY SWE TRI TUN VEN', 0x30);
category(0x57, 'BUL SPA STP', 0x48);

const entries = table;
const byCode = new Map(entries.map(([code, name]) => [code, name]));
const byName = new Map(entries.map(([code, name]) => [name, code]));

export const TEXT = 0x4b;
export const BRA = 0x4000;
export const KET = 0x4001;

export function isInteger(token: number): boolean {
  return token >> 14 === 0;
}
export function isText(token: number): boolean {
  return token >> 8 === TEXT;
}
export function isProvince(token: number): boolean {
  const hi = token >> 8;
  return hi >= 0x50 && hi <= 0x57;
}
export function isPower(token: number): boolean {
  return token >> 8 === 0x41;
}
export function isCoast(token: number): boolean {
  return token >> 8 === 0x46;
}

/** The 14-bit two's complement integer token for `n` (−8192…8191). */
export function integerToken(n: number): number {
  if (!Number.isInteger(n) || n < -8192 || n > 8191) throw new RangeError(`DAIDE integers run from -8192 to 8191, not ${n}`);
  return n & 0x3fff;
}
export function integerValue(token: number): number {
  return token & 0x2000 ? (token & 0x3fff) - 0x4000 : token & 0x3fff;
}

export function textTokens(text: string): number[] {
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    return (TEXT << 8) | (code < 0x80 ? code : 0x3f); // non-ASCII becomes '?'
  });
}

/** A token's three-letter name, or null for integers, text and unknown tokens. */
export function tokenName(token: number): string | null {
  return byCode.get(token) ?? null;
}
export function tokenCode(name: string): number | undefined {
  return byName.get(name);
}
/** A token by name; throws on a name that is not in the table (a programming error, not input). */
export function tk(name: string): number {
  const code = byName.get(name);
  if (code === undefined) throw new Error(`no DAIDE token '${name}'`);
  return code;
}

/** Plainly invalid on the wire: reserved and private categories, and unnamed tokens in named categories. */
export function isValidToken(token: number): boolean {
  if (isInteger(token) || isText(token)) return true;
  const hi = token >> 8;
  if (hi >= 0x58) return false;
  if (hi >= 0x50) return byCode.has(token);
  return byCode.has(token);
}
