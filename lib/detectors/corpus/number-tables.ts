// Numbers that are not cards although their digits hold a card-valid window (IIN, length and
// Luhn): rows of tables, lists of phone numbers, tracking and case ids, timestamps, IBANs,
// versions, addresses, amounts. Each row names the window of whole digit groups that passes
// (NUMBER_TABLE_TRAPS; payment-card.test.ts checks that it still does), so the row tests the
// layout rules rather than luck. Rows are constructed, in the formats of bench/lib/prompts.ts,
// and of the security review that added any-layout reading (the 8-4-4 gap).
import { ignored, type CorpusCase } from "./corpus-case";

const TABLES = "constructed: a table or list whose digits hold a card-valid window";

/** [text, the card-valid window of whole groups inside it, what it is]. */
export const NUMBER_TABLE_TRAPS: ReadonlyArray<readonly [text: string, window: string, what: string]> = [
  ["14674769 3 924.99 881.36\n29662887 7 110.77 8415.42", "36\n29662887 7 110.77", "order table: id, quantity, price, total"],
  ["83353675 2 397.51 8307.48\n82992461 4 376.52 2918.83\n3157705 4 940.55 3833.40", "48\n82992461 4 376.52", "order table, three rows"],
  ["439826 3 57 7260 801", "439826 3 57 7260 801", "a row of five columns ending in a quantity"],
  ["493-858-4675, 447-389-0098", "493-858-4675, 447-389", "two US phone numbers, comma"],
  ["501-884-3206 / 778-971-3207", "501-884-3206 / 778-971", "two US phone numbers, slash"],
  ["1017-8576-2297-6534\n9322-8823-9755-7393", "2297-6534\n9322-8823", "case ids (Luhn-invalid) one a line"],
  ["3897-3912-3823-6271\n1387-3373-3599-3006", "3912-3823-6271\n1387", "case ids, the window spanning two"],
  ["2026-05-17 01:24:44.284\n2026-05-06 13:16:57.733", "44.284\n2026-05-06", "timestamps with milliseconds"],
  ["2026-08-04 02:36:28.408\n2026-02-15 13:16:38.667", "408\n2026-02-15 13", "timestamps, the window across the line break"],
  ["05/10/2026, 11/23/2026, 04/02/2026, 09/18/2026", "23/2026, 04/02/2026, 09", "a list of dates"],
  ["04/12/2026, 02/24/2026, 09/02/2026, 11/14/2026", "24/2026, 09/02/2026, 11", "a list of dates"],
  ["245.162.51.93 141.194.155.170 65.230.254.26", "51.93 141.194.155.170", "IPv4 addresses"],
  ["153.236.240.149/17 138.73.175.46 244.32.13.198/12", "17 138.73.175.46 244", "CIDR blocks and addresses"],
  ["178.150.86.40/22 193.111.239.161:47887 192.239.58.187:56132", "47887 192.239.58.187", "addresses with ports"],
  ["v4.13.81-6215.5448, v8.72.3-1809.729", "4.13.81-6215.5448", "version strings with build numbers"],
  ["v6.55.81-3065.9937, v4.45.64-7565.5742", "4.45.64-7565.5742", "version strings"],
  ["4.73.38-7589.7185", "4.73.38-7589.7185", "a version string"],
  ["151277,836703,116,3,8\n391179,2,60847,5356,7005", "3,8\n391179,2,60847,5356", "CSV rows"],
  ["4,18641,48,491,95196\n81301,3,78575,436", "48,491,95196\n81301,3", "CSV rows"],
  ["[4322, 5278, 1873, 4043, 3917]", "4322, 5278, 1873, 4043", "a JSON array of five numbers"],
  ["IBAN PL30 0056 7681 7749 4746", "30 0056 7681 7749 4746", "an IBAN's check digits and BBAN"],
  ["e = 2.718281828459045", "2.718281828459045", "a double printed in full"],
];

export const NUMBER_TABLE_CORPUS: readonly CorpusCase[] = NUMBER_TABLE_TRAPS.map(([text, , what]) => ignored("payment_card", `${TABLES} (${what})`, text));
