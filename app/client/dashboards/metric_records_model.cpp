#include "metric_records_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "metric_format.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QDate>
#include <QJsonArray>
#include <QLocale>

namespace keel::dashboards {

MetricRecordsModel::MetricRecordsModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_client(api)
{}

void MetricRecordsModel::open(const QString &metric, const QUrlQuery &query)
{
    beginResetModel();
    m_metric = metric;
    m_query = query;
    m_rows.clear();
    m_columns.clear();
    m_next.clear();
    m_total.clear();
    m_currency.clear();
    m_lastError.clear();
    m_loadedOnce = false;
    m_loading = false;
    ++m_generation; // answers to the previous point are dropped
    endResetModel();
    request();
}

QJsonObject MetricRecordsModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int MetricRecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricRecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString MetricRecordsModel::formatCell(const QJsonValue &v, const QString &type)
{
    if (v.isNull() || v.isUndefined())
        return {};
    if (type == QLatin1String("money"))
        return v.isObject() ? sales::formatMoneyJson(v) : sales::groupDigits(v.toString());
    if (type == QLatin1String("date"))
        return sales::formatDateText(v.toString());
    if (type == QLatin1String("month")) {
        const QDate d = QDate::fromString(v.toString() + QStringLiteral("-01"), Qt::ISODate);
        return d.isValid() ? QLocale().toString(d, QStringLiteral("MMM yyyy")) : v.toString();
    }
    if (type == QLatin1String("ratio") || type == QLatin1String("hours") ||
        type == QLatin1String("days"))
        return formatMetricNumber(v.isString() ? v.toString() : v.toVariant().toString(), type);
    if (v.isObject()) { // a reference: {"id","name"}
        const QJsonObject o = v.toObject();
        for (const char *k : {"name", "display_name", "title", "code", "number"})
            if (o.contains(QLatin1String(k)))
                return o.value(QLatin1String(k)).toVariant().toString();
    }
    if (type == QLatin1String("count") && v.isString())
        return sales::groupDigits(v.toString());
    return v.toVariant().toString();
}

QVariant MetricRecordsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const Column &col = m_columns.at(index.column());
    const QJsonValue v = m_rows.at(index.row()).value(col.key);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return formatCell(v, col.type);
    case Qt::TextAlignmentRole: {
        static const QStringList numeric{"money", "ratio", "hours", "count", "days"};
        return numeric.contains(col.type) ? int(Qt::AlignRight | Qt::AlignVCenter)
                                          : int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    case RawRole:
        return v.toVariant();
    default:
        return {};
    }
}

QVariant MetricRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).title;
    return {};
}

bool MetricRecordsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_next.isEmpty() && m_client;
}

void MetricRecordsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request();
}

void MetricRecordsModel::request()
{
    if (!m_client || m_metric.isEmpty())
        return;
    m_loading = true;
    const int generation = m_generation;
    ApiReply *reply = m_api.records(m_metric, m_query, m_pageSize, m_next);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_loadedOnce = true;
        if (!reply->ok()) {
            m_next.clear(); // a scrolling view must not hammer a failing server
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            emit pageLoaded();
            return;
        }
        const QJsonObject page = reply->object();
        if (m_columns.isEmpty()) {
            QList<Column> columns;
            for (const QJsonValue &c : page.value("columns").toArray()) {
                const QJsonObject o = c.toObject();
                columns.append({o.value("key").toString(), o.value("title").toString(),
                                o.value("type").toString()});
            }
            beginResetModel();
            m_columns = columns;
            endResetModel();
        }
        const QJsonValue total = page.value("total");
        m_total = total.isString() ? total.toString() : total.toVariant().toString();
        m_currency = page.value("currency").toString();
        const QJsonArray items = page.value("items").toArray();
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                m_rows.append(v.toObject());
            endInsertRows();
        }
        const QJsonValue next = page.value("next");
        m_next = next.isString()
                     ? next.toString()
                     : (next.isDouble() ? QString::number(next.toInteger()) : QString());
        if (items.isEmpty())
            m_next.clear();
        emit pageLoaded();
    });
}

} // namespace keel::dashboards
