/**
 * A Message-ID derived from the transaction id: every retry of one notification carries the
 * same id, so a mail server or client that saw it already can recognise the duplicate
 * (delivery is at least once). The domain is the sender's, as RFC 5322 recommends.
 */
export function messageIdFor(transactionId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'btg-funds.invalid';
  const local = transactionId.replace(/[^A-Za-z0-9.-]/g, '');
  return `<notification.${local}@${domain.toLowerCase()}>`;
}
