#include "insights_table_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "decimal.h"
#include "insights_answers.h"
#include "problem_text.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace keel::insights {

InsightsTableModel::InsightsTableModel(ApiClient *api, QList<InsightsColumn> columns, Texts texts,
                                       QString idKey, QObject *parent)
    : QAbstractTableModel(parent), m_api(api), m_columns(std::move(columns)),
      m_texts(std::move(texts)), m_idKey(std::move(idKey))
{}

void InsightsTableModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_answer = {};
    m_next.clear();
    m_loaded = false;
    m_notTrained = false;
    m_lastError.clear();
    endResetModel();
    fetch({});
}

void InsightsTableModel::setRows(const QJsonObject &answer)
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_answer = answer;
    m_answer.remove(QStringLiteral("items"));
    m_loaded = true;
    append(answer);
}

void InsightsTableModel::fetch(const QString &after)
{
    if (!m_api || !m_pathFor)
        return;
    m_loading = true;
    emit loadingChanged(true);
    const int generation = m_generation;
    ApiReply *reply = m_api->get(m_pathFor(after));
    connect(reply, &ApiReply::finished, this, [this, reply, generation, after] {
        if (generation != m_generation)
            return; // a reload asked again
        m_loading = false;
        m_lastStatus = reply->ok() ? 200 : reply->problem().status;
        if (!reply->ok()) {
            m_notTrained = reply->problem().status == 409;
            m_lastError = humanMessage(reply->problem());
            emit loadingChanged(false);
            emit loadFailed(m_lastError);
            return;
        }
        const QJsonObject answer = reply->object();
        if (after.isEmpty()) {
            m_answer = answer;
            m_answer.remove(QStringLiteral("items"));
        }
        m_loaded = true;
        append(answer);
        if (m_loadAll && !m_next.isEmpty()) {
            fetch(m_next);
            return;
        }
        emit loadingChanged(false);
        emit loaded();
    });
}

void InsightsTableModel::append(const QJsonObject &answer)
{
    const QJsonArray items = answer.value(QStringLiteral("items")).toArray();
    m_next = jsonText(answer.value(QStringLiteral("next")));
    if (items.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
    for (const QJsonValue &v : items) {
        Row row;
        row.json = v.toObject();
        row.id = jsonText(row.json.value(m_idKey));
        row.texts = m_texts(row.json);
        row.highlight = m_highlight && m_highlight(row.json);
        m_rows.append(std::move(row));
    }
    endInsertRows();
}

QJsonObject InsightsTableModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).json : QJsonObject();
}

QString InsightsTableModel::rowId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int InsightsTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

QString InsightsTableModel::total(const QString &key) const
{
    Decimal sum;
    for (const Row &row : m_rows) {
        const auto value = Decimal::parse(jsonText(row.json.value(key)));
        if (!value)
            return {};
        const auto next = sum.add(*value);
        if (!next)
            return {};
        sum = *next;
    }
    return sum.toString(2);
}

int InsightsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InsightsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant InsightsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return row.texts.value(index.column());
    case Qt::TextAlignmentRole:
        return m_columns.value(index.column()).number ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case ObjectRole:
        return row.json;
    case IdRole:
        return row.id;
    case HighlightRole:
        return row.highlight;
    default:
        return {};
    }
}

QVariant InsightsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate("keel::insights::Columns", m_columns.at(section).title);
    if (role == Qt::TextAlignmentRole)
        return m_columns.at(section).number ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

bool InsightsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && !m_loading && !m_next.isEmpty();
}

void InsightsTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetch(m_next);
}

} // namespace keel::insights
