#pragma once

#include "ledger_store.h"

#include <QByteArray>

namespace keel {

// The entity's posted lines as a plain-text journal that ledger-cli and hledger read: one
// transaction per entry, one posting per line in functional currency (so `hledger bal` equals
// the trial balance), the transaction-currency amount and rate as a posting comment.
QByteArray ledgerJournalText(const LedgerEntity &entity, const QList<ExportLine> &lines);

} // namespace keel
