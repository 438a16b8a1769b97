#include "aging_model.h"

#include "allocation_model.h"
#include "api_client.h"
#include "api_reply.h"
#include "finance_api.h"
#include "money.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>

namespace keel::finance {

namespace {
const char *const Buckets[] = {"current", "d1_30", "d31_60", "d61_90", "d90_plus", "total"};

// A member under the first of several names: the two sides name their party differently.
QJsonValue firstOf(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = sales::valueAt(o, QString::fromLatin1(k));
        if (!v.isUndefined() && !v.isNull())
            return v;
    }
    return {};
}
} // namespace

AgingModel::AgingModel(ApiClient *api, Side side, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_side(side)
{}

QString AgingModel::bucketOfColumn(int column)
{
    if (column < CurrentColumn || column >= UnappliedColumn)
        return {};
    return column == TotalColumn ? QString() : QString::fromLatin1(Buckets[column - 1]);
}

QString AgingModel::bucketTitle(const QString &bucket)
{
    if (bucket == QLatin1String("current"))
        return tr("Current");
    if (bucket == QLatin1String("d1_30"))
        return tr("1–30 days");
    if (bucket == QLatin1String("d31_60"))
        return tr("31–60 days");
    if (bucket == QLatin1String("d61_90"))
        return tr("61–90 days");
    if (bucket == QLatin1String("d90_plus"))
        return tr("Over 90 days");
    return tr("All open");
}

void AgingModel::load(const QString &entity, QDate asOf)
{
    if (!m_api || entity.isEmpty())
        return;
    m_entity = entity;
    m_asOf = asOf;
    const int generation = ++m_generation;
    m_loading = true;
    FinanceApi api(m_api);
    ApiReply *r =
        m_side == Side::Receivables ? api.aging(entity, asOf) : api.payablesAging(entity, asOf);
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r->ok()) {
            m_error = humanMessage(r->problem());
            setAnswer({});
            emit loadFailed(m_error);
            return;
        }
        m_error.clear();
        setAnswer(r->object());
        emit loaded();
    });
}

void AgingModel::setAnswer(const QJsonObject &answer)
{
    beginResetModel();
    m_rows.clear();
    const QJsonValue items = firstOf(answer, {"items", "clients", "vendors"});
    for (const QJsonValue &v : items.toArray())
        m_rows.append(v.toObject());
    // Totals come per currency; in functional mode (the default) there is one.
    const QJsonValue totals = answer.value("totals");
    m_totals = totals.isArray() ? totals.toArray().first().toObject() : totals.toObject();
    m_currency = m_totals.value("currency").toString();
    endResetModel();
}

QString AgingModel::partyId(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return sales::idText(
        firstOf(m_rows.at(row), {"account_id", "vendor_id", "client_id", "account.id", "id"}));
}

QString AgingModel::partyName(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return firstOf(m_rows.at(row), {"account_name", "vendor_name", "client_name", "name",
                                    "account.name", "vendor.name"})
        .toString();
}

int AgingModel::rowOfParty(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (partyId(i) == id)
            return i;
    return -1;
}

QJsonValue AgingModel::cell(const QJsonObject &row, const QString &bucket) const
{
    const QJsonValue v = row.value(bucket);
    if (v.isString()) // a plain amount beside the row's currency
        return QJsonObject{{"amount", v.toString()},
                           {"currency", row.value("currency").toString(m_currency)}};
    return v;
}

QString AgingModel::cellText(const QJsonObject &row, const QString &bucket) const
{
    const QJsonValue v = cell(row, bucket);
    const Money m = sales::moneyFromJsonValue(v);
    if (m.isValid() && m.isZero())
        return {};
    return sales::formatMoneyJson(v);
}

QString AgingModel::amountText(const QString &partyId, const QString &bucket) const
{
    const int row = rowOfParty(partyId);
    return row < 0 ? QString() : cellText(m_rows.at(row), bucket);
}

QString AgingModel::totalText(const QString &bucket) const
{
    return cellText(m_totals, bucket);
}

int AgingModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_rows.isEmpty() ? 0 : int(m_rows.size()) + 1; // + totals
}

int AgingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > m_rows.size())
        return {};
    const bool totals = index.row() == m_rows.size();
    const QJsonObject &row = totals ? m_totals : m_rows.at(index.row());
    const int column = index.column();
    const QString bucket = column == TotalColumn       ? QStringLiteral("total")
                           : column == UnappliedColumn ? QStringLiteral("unapplied")
                                                       : bucketOfColumn(column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == PartyColumn)
            return totals ? tr("Total") : partyName(index.row());
        {
            // The grid names its one currency in the header; cells keep to the figures so
            // seven columns of them fit beside the names.
            const Money m = moneyOf(cell(row, bucket));
            return m.isValid() && !m.isZero() ? sales::groupDigits(m.toString())
                                              : cellText(row, bucket);
        }
    case Qt::ToolTipRole:
        if (column == PartyColumn)
            return {};
        if (totals)
            return cellText(row, bucket);
        if (column == UnappliedColumn)
            return cellText(row, bucket).isEmpty()
                       ? QVariant()
                       : tr("%1 received from %2 and not yet applied to an invoice")
                             .arg(cellText(row, bucket), partyName(index.row()));
        return cellText(row, bucket).isEmpty()
                   ? QVariant()
                   : tr("%1, %2: %3 — double-click for the invoices")
                         .arg(partyName(index.row()), bucketTitle(bucketOfColumn(column)),
                              cellText(row, bucket));
    case Qt::TextAlignmentRole:
        return column == PartyColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                     : int(Qt::AlignRight | Qt::AlignVCenter);
    case PartyIdRole:
        return totals ? QString() : partyId(index.row());
    case BucketRole:
        return bucketOfColumn(column);
    case TotalRowRole:
        return totals;
    case AmountRole:
        return column == PartyColumn ? QString() : cellText(row, bucket);
    default:
        return {};
    }
}

QVariant AgingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == PartyColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                      : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PartyColumn:
        if (m_currency.isEmpty())
            return m_side == Side::Receivables ? tr("Client") : tr("Vendor");
        return m_side == Side::Receivables ? tr("Client · amounts in %1").arg(m_currency)
                                           : tr("Vendor · amounts in %1").arg(m_currency);
    case CurrentColumn:
        return tr("Current");
    case Days1To30Column:
        return tr("1–30");
    case Days31To60Column:
        return tr("31–60");
    case Days61To90Column:
        return tr("61–90");
    case Days90PlusColumn:
        return tr("90+");
    case TotalColumn:
        return tr("Total");
    case UnappliedColumn:
        return tr("Unapplied");
    default:
        return {};
    }
}

} // namespace keel::finance
