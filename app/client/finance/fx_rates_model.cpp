#include "fx_rates_model.h"

#include "finance_api.h"
#include "fx_api.h"

namespace keel::finance {

using sales::ListColumn;
using F = ListColumn::Format;

FxRatesModel::FxRatesModel(ApiClient *api, QObject *parent)
    : sales::PagedListModel(
          api, FxApi::ratesPath(),
          {{"rate_date", QT_TRANSLATE_NOOP("keel::sales::Columns", "Date"), F::Date, {}},
           {"from_currency", QT_TRANSLATE_NOOP("keel::sales::Columns", "From"), F::Text, {}},
           {"to_currency", QT_TRANSLATE_NOOP("keel::sales::Columns", "To"), F::Text, {}},
           {"rate", QT_TRANSLATE_NOOP("keel::sales::Columns", "Exchange rate"), F::Text, {}},
           {"source", QT_TRANSLATE_NOOP("keel::sales::Columns", "Source"), F::Text, {}}},
          parent)
{
    setPageSize(200);
}

void FxRatesModel::setPair(const QString &from, const QString &to)
{
    setFilter(QStringLiteral("from_currency"), from);
    setFilter(QStringLiteral("to_currency"), to);
}

void FxRatesModel::setDates(QDate from, QDate to)
{
    setFilter(QStringLiteral("from"), FinanceApi::date(from));
    setFilter(QStringLiteral("to"), FinanceApi::date(to));
}

QVariant FxRatesModel::data(const QModelIndex &index, int role) const
{
    if (index.column() == RateColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return FxApi::rateText(sales::PagedListModel::data(index, RawRole).toString());
    if (index.column() == SourceColumn && role == Qt::DisplayRole) {
        const QString source = sales::PagedListModel::data(index, RawRole).toString();
        if (source == QLatin1String("manual"))
            return tr("Entered by hand");
        if (source == QLatin1String("import"))
            return tr("Imported");
        return source;
    }
    if (index.column() == RateColumn && role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return sales::PagedListModel::data(index, role);
}

} // namespace keel::finance
