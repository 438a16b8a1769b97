#include "billing_runs_model.h"

#include "billing_format.h"
#include "sales_format.h"

#include <QJsonArray>

namespace keel::billing {

using sales::ListColumn;

namespace {
// A column without server-side sorting.
ListColumn column(const char *key, const char *title,
                  ListColumn::Format format = ListColumn::Format::Text)
{
    return {QString::fromLatin1(key), title, format, QString()};
}
} // namespace

BillingRunsModel::BillingRunsModel(ApiClient *api, QObject *parent)
    : sales::PagedListModel(
          api, QStringLiteral("/api/v1/billing/runs"),
          {
              column("id", QT_TRANSLATE_NOOP("keel::sales::Columns", "Run"),
                     ListColumn::Format::Text),
              column("period", QT_TRANSLATE_NOOP("keel::sales::Columns", "Month")),
              column("scope", QT_TRANSLATE_NOOP("keel::sales::Columns", "Scope")),
              column("status", QT_TRANSLATE_NOOP("keel::sales::Columns", "Status")),
              column("invoice_count", QT_TRANSLATE_NOOP("keel::sales::Columns", "Invoices"),
                     ListColumn::Format::Count),
              column("line_count", QT_TRANSLATE_NOOP("keel::sales::Columns", "Lines"),
                     ListColumn::Format::Count),
              column("exception_count", QT_TRANSLATE_NOOP("keel::sales::Columns", "Exceptions"),
                     ListColumn::Format::Count),
              column("totals", QT_TRANSLATE_NOOP("keel::sales::Columns", "Billed"),
                     ListColumn::Format::Money),
              column("started_at", QT_TRANSLATE_NOOP("keel::sales::Columns", "Started")),
          },
          parent)
{
    setPageSize(50);
}

QString BillingRunsModel::scopeText(const QJsonObject &run)
{
    const auto set = [&run](const char *key) {
        const QJsonValue v = run.value(QLatin1String(key));
        return !v.isNull() && !v.isUndefined() && !v.toVariant().toString().isEmpty();
    };
    if (set("contract_id"))
        return tr("One contract");
    if (set("account_id"))
        return tr("One client");
    return tr("All clients");
}

QString BillingRunsModel::totalsText(const QJsonObject &run)
{
    QList<QJsonValue> totals;
    for (const QJsonValue &v : run.value("totals").toArray())
        totals.append(v);
    return sumMoneyTexts(totals);
}

QVariant BillingRunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return sales::PagedListModel::data(index, role);
    const QJsonObject run = rowObject(index.row());
    switch (index.column()) {
    case RunColumn:
        return QStringLiteral("#") + sales::idText(run.value("id"));
    case PeriodColumn:
        return periodText(run.value("period").toString().isEmpty()
                              ? run.value("period_start").toString()
                              : run.value("period").toString());
    case ScopeColumn:
        return scopeText(run);
    case StatusColumn: {
        const QString status = run.value("status").toString();
        if (status == QLatin1String("running"))
            return tr("Running (%1 %)").arg(run.value("progress").toInt());
        if (status == QLatin1String("failed") && role == Qt::ToolTipRole)
            return run.value("error").toString();
        return runStatusText(status);
    }
    case TotalsColumn:
        return totalsText(run);
    case StartedColumn:
        return instantText(run.value("started_at").toString());
    default:
        return sales::PagedListModel::data(index, role);
    }
}

} // namespace keel::billing
