#include "finance_lists.h"

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

sales::PagedListModel *accountLinesModel(ApiClient *api, QObject *parent)
{
    auto *m = new sales::PagedListModel(
        api, QString(),
        {{"date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Date"), F::Date, {}},
         {"description", QT_TRANSLATE_NOOP("keel::sales::Columns", "Description"), F::Text, {}},
         {"source_text", QT_TRANSLATE_NOOP("keel::sales::Columns", "Source"), F::Text, {}},
         {"functional_debit", QT_TRANSLATE_NOOP("keel::sales::Columns", "Debit"), F::Money, {}},
         {"functional_credit", QT_TRANSLATE_NOOP("keel::sales::Columns", "Credit"), F::Money, {}},
         {"entry_id", QT_TRANSLATE_NOOP("keel::sales::Columns", "Entry"), F::Text, {}}},
        parent);
    m->setPageSize(200);
    return m;
}

sales::PagedListModel *vendorBillsModel(ApiClient *api, QObject *parent)
{
    auto *m = new sales::PagedListModel(
        api, QString(),
        {{"vendor_ref", QT_TRANSLATE_NOOP("keel::sales::Columns", "Bill"), F::Text, {}},
         {"vendor_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Vendor"), F::Text, {}},
         {"bill_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Bill date"), F::Date, {}},
         {"due_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Due"), F::Date, {}},
         {"status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status"), F::Text, {}},
         {"total", QT_TRANSLATE_NOOP("keel::sales::Columns", "Total"), F::Money, {}},
         {"balance", QT_TRANSLATE_NOOP("keel::sales::Columns", "Balance"), F::Money, {}}},
        parent);
    m->setPageSize(200);
    return m;
}

sales::PagedListModel *statementLinesModel(ApiClient *api, QObject *parent)
{
    auto *m = new sales::PagedListModel(
        api, QString(),
        {{"booking_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Date"), F::Date, {}},
         {"counterparty", QT_TRANSLATE_NOOP("keel::sales::Columns", "Counterparty"), F::Text, {}},
         {"reference", QT_TRANSLATE_NOOP("keel::sales::Columns", "Reference"), F::Text, {}},
         {"amount", QT_TRANSLATE_NOOP("keel::sales::Columns", "Amount"), F::Money, {}},
         {"status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status"), F::Text, {}}},
        parent);
    m->setPageSize(200);
    return m;
}

} // namespace keel::finance
