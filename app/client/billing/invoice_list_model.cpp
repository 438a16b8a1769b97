#include "invoice_list_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_format.h"
#include "keyset_query.h"
#include "problem.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>
#include <QUrl>

namespace keel::billing {

using sales::idText;

namespace {
// Past this many, refreshing rows one by one costs more than loading the list again.
constexpr int MaxRowRefresh = 100;
// Ids per POST /billing/invoices/bulk (the server takes up to 2,000).
constexpr int BulkChunk = 1000;

QString periodOf(const QJsonObject &inv)
{
    const QString start = inv.value("period_start").toString();
    const QString end = inv.value("period_end").toString();
    if (start.isEmpty())
        return {};
    // A whole month reads as the month; anything else as its two dates.
    const QDate s = QDate::fromString(start, Qt::ISODate);
    const QDate e = QDate::fromString(end, Qt::ISODate);
    if (s.isValid() && e.isValid() && s.day() == 1 && e == s.addMonths(1).addDays(-1))
        return periodText(start);
    return sales::formatDateText(start) + QStringLiteral(" – ") + sales::formatDateText(end);
}
} // namespace

InvoiceListModel::InvoiceListModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

void InvoiceListModel::setFilter(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_filters.remove(name);
    else
        m_filters.insert(name, value);
}

void InvoiceListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    m_checked.clear();
    m_outcomes.clear();
    m_after.clear();
    m_atEnd = false;
    m_pages = 0;
    ++m_generation; // answers to earlier requests are dropped
    m_loading = false;
    endResetModel();
    emit checkedChanged();
    fetchMore({});
}

InvoiceListModel::Row InvoiceListModel::makeRow(const QJsonObject &inv)
{
    Row r;
    r.json = inv;
    r.id = idText(inv.value("id"));
    r.texts[NumberColumn] = invoiceLabel(inv);
    r.texts[ClientColumn] = inv.value("account_name").toString();
    r.texts[ContractColumn] = inv.value("contract_number").toString();
    r.texts[PeriodColumn] = periodOf(inv);
    r.texts[DateColumn] = sales::formatDateText(inv.value("invoice_date").toString());
    r.texts[StatusColumn] = invoiceStatusText(inv);
    r.texts[SubtotalColumn] = moneyText(inv.value("subtotal"));
    r.texts[TaxColumn] = moneyText(inv.value("tax_total"));
    r.texts[TotalColumn] = moneyText(inv.value("total"));
    return r;
}

QJsonObject InvoiceListModel::invoice(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).json : QJsonObject();
}

QString InvoiceListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int InvoiceListModel::rowOf(const QString &id) const
{
    return m_rowOfId.value(id, -1);
}

void InvoiceListModel::emitRow(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InvoiceListModel::updateInvoice(const QJsonObject &invoice)
{
    const int row = rowOf(idText(invoice.value("id")));
    if (row < 0)
        return;
    QJsonObject listed = invoice;
    listed.remove("lines"); // rows hold what the list holds
    m_rows[row] = makeRow(listed);
    emitRow(row);
}

void InvoiceListModel::refreshRows(const QStringList &ids)
{
    if (!m_api || ids.isEmpty())
        return;
    if (ids.size() > MaxRowRefresh) {
        // Keep the outcomes: they are what the person wants to read after a large bulk.
        const auto outcomes = m_outcomes;
        reload();
        m_outcomes = outcomes;
        return;
    }
    auto pending = std::make_shared<int>(int(ids.size()));
    const int generation = m_generation;
    for (const QString &id : ids) {
        ApiReply *r = m_api->get(QStringLiteral("/api/v1/billing/invoices/") + id);
        connect(r, &ApiReply::finished, this, [this, r, pending, generation] {
            if (generation == m_generation && r->ok())
                updateInvoice(r->object());
            if (--*pending == 0 && generation == m_generation)
                emit rowsRefreshed();
        });
    }
}

void InvoiceListModel::setChecked(int row, bool checked)
{
    setCheckedRows({row}, checked);
}

void InvoiceListModel::setCheckedRows(const QList<int> &rows, bool checked)
{
    // One dataChanged over the span touched: ticking twenty thousand rows is one repaint.
    int first = int(m_rows.size()), last = -1;
    for (int row : rows) {
        if (row < 0 || row >= m_rows.size())
            continue;
        const QString &id = m_rows.at(row).id;
        if (checked == m_checked.contains(id))
            continue;
        if (checked)
            m_checked.insert(id);
        else
            m_checked.remove(id);
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last < 0)
        return;
    emit dataChanged(index(first, CheckColumn), index(last, CheckColumn), {Qt::CheckStateRole});
    emit checkedChanged();
}

bool InvoiceListModel::isChecked(int row) const
{
    return m_checked.contains(idAt(row));
}

QStringList InvoiceListModel::checkedIds() const
{
    QStringList ids;
    for (const Row &r : m_rows) // in list order, for people and tests
        if (m_checked.contains(r.id))
            ids.append(r.id);
    return ids;
}

QString InvoiceListModel::checkedTotalText() const
{
    QList<QJsonValue> totals;
    for (const Row &r : m_rows)
        if (m_checked.contains(r.id))
            totals.append(r.json.value("total"));
    return sumMoneyTexts(totals);
}

void InvoiceListModel::clearChecks()
{
    if (m_checked.isEmpty())
        return;
    m_checked.clear();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, CheckColumn), index(int(m_rows.size()) - 1, CheckColumn),
                         {Qt::CheckStateRole});
    emit checkedChanged();
}

std::optional<InvoiceListModel::Outcome> InvoiceListModel::outcome(const QString &id) const
{
    const auto it = m_outcomes.constFind(id);
    if (it == m_outcomes.cend())
        return std::nullopt;
    return it.value();
}

void InvoiceListModel::bulk(const QString &action)
{
    if (!m_api || m_bulkBusy)
        return;
    const QStringList ids = checkedIds();
    if (ids.isEmpty()) {
        emit bulkFailed(tr("Tick the invoices first."));
        return;
    }
    m_bulkBusy = true;
    m_bulkAction = action;
    m_bulkQueue = ids;
    m_bulkDone.clear();
    m_bulkFailedCount = 0;
    sendBulkChunk();
}

// The server takes at most 2,000 ids a request; larger selections go in chunks, one after the
// other, so a month's thousand invoices are one click.
void InvoiceListModel::sendBulkChunk()
{
    const QStringList chunk = m_bulkQueue.mid(0, BulkChunk);
    m_bulkQueue.remove(0, chunk.size());
    QJsonArray idArray;
    for (const QString &id : chunk)
        idArray.append(id);
    ApiReply *r = m_api->post(QStringLiteral("/api/v1/billing/invoices/bulk"),
                              QJsonObject{{"action", m_bulkAction}, {"ids", idArray}});
    const int generation = m_generation;
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (!r->ok()) {
            m_bulkBusy = false;
            m_bulkQueue.clear();
            emit bulkFailed(humanMessage(r->problem()));
            finishBulk(generation);
            return;
        }
        for (const QJsonValue &v : r->object().value("results").toArray()) {
            const QJsonObject res = v.toObject();
            const QString id = idText(res.value("id"));
            Outcome o;
            o.ok = res.value("status").toString() == QLatin1String("ok");
            if (o.ok) {
                m_bulkDone.append(id);
            } else {
                ++m_bulkFailedCount;
                o.message = humanMessage(Problem::fromJson(res.value("problem").toObject()));
            }
            m_outcomes.insert(id, o);
            if (generation == m_generation)
                if (const int row = rowOf(id); row >= 0)
                    emitRow(row);
        }
        if (!m_bulkQueue.isEmpty() && generation == m_generation) {
            sendBulkChunk();
            return;
        }
        m_bulkBusy = false;
        emit bulkFinished(m_bulkAction, int(m_bulkDone.size()), m_bulkFailedCount);
        finishBulk(generation);
    });
}

void InvoiceListModel::finishBulk(int generation)
{
    if (generation != m_generation || m_bulkDone.isEmpty())
        return;
    // What went through is no longer ticked; what failed stays ticked to retry or look at.
    QList<int> rows;
    for (const QString &id : std::as_const(m_bulkDone))
        rows.append(rowOf(id));
    setCheckedRows(rows, false);
    refreshRows(m_bulkDone);
}

int InvoiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InvoiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void InvoiceListModel::setInsightFlags(const QHash<QString, QStringList> &sentencesById)
{
    m_insightFlags = sentencesById;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, NumberColumn), index(int(m_rows.size()) - 1, NumberColumn));
}

QVariant InvoiceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (col == ResultColumn) {
            const auto it = m_outcomes.constFind(r.id);
            if (it == m_outcomes.cend())
                return QString();
            return it->ok ? tr("Done") : it->message;
        }
        if (col == NumberColumn && m_insightFlags.contains(r.id))
            return QStringLiteral("⚑ ") + r.texts[col];
        return r.texts[col];
    case Qt::ToolTipRole:
        if (col == NumberColumn && m_insightFlags.contains(r.id))
            return tr("Flagged by the insights:") + QStringLiteral("\n• ") +
                   m_insightFlags.value(r.id).join(QStringLiteral("\n• "));
        if (col == ResultColumn || col == StatusColumn || col == ClientColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::CheckStateRole:
        if (col == CheckColumn)
            return m_checked.contains(r.id) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        if (col == SubtotalColumn || col == TaxColumn || col == TotalColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return r.id;
    case ObjectRole:
        return r.json;
    case InsightFlagsRole:
        return m_insightFlags.value(r.id);
    case FailedRole: {
        const auto it = m_outcomes.constFind(r.id);
        return it != m_outcomes.cend() && !it->ok;
    }
    default:
        return {};
    }
}

bool InvoiceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != CheckColumn || role != Qt::CheckStateRole)
        return false;
    setChecked(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags InvoiceListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == CheckColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant InvoiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == SubtotalColumn || section == TaxColumn || section == TotalColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CheckColumn:
        return QString();
    case NumberColumn:
        return tr("Invoice");
    case ClientColumn:
        return tr("Client");
    case ContractColumn:
        return tr("Contract");
    case PeriodColumn:
        return tr("Period");
    case DateColumn:
        return tr("Date");
    case StatusColumn:
        return tr("Status");
    case SubtotalColumn:
        return tr("Net");
    case TaxColumn:
        return tr("Tax");
    case TotalColumn:
        return tr("Total");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

bool InvoiceListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_api;
}

QString InvoiceListModel::query() const
{
    return keysetQuery(m_pageSize, m_after, {}, m_filters);
}

void InvoiceListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_loading || !m_api)
        return;
    setLoading(true);
    const int generation = m_generation;
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/billing/invoices?") + query());
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return; // reloaded meanwhile
        setLoading(false);
        if (!reply->ok()) {
            m_atEnd = true; // do not hammer a failing server from a scrolling view
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            emit pageLoaded();
            return;
        }
        m_lastError.clear();
        ++m_pages;
        const QJsonObject page = reply->object();
        const QJsonArray items = page.value("items").toArray();
        if (!items.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(items.size()) - 1);
            for (const QJsonValue &v : items) {
                Row row = makeRow(v.toObject());
                m_rowOfId.insert(row.id, int(m_rows.size()));
                m_rows.append(std::move(row));
            }
            endInsertRows();
        }
        const QJsonValue next = page.value("next_after");
        m_after = next.isString()
                      ? next.toString()
                      : (next.isDouble() ? QString::number(next.toInteger()) : QString());
        m_atEnd = m_after.isEmpty() || items.isEmpty();
        emit pageLoaded();
    });
}

void InvoiceListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace keel::billing
