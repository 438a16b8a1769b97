#include "pipeline_board_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "decimal.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMimeData>
#include <QStringList>
#include <QUrl>

namespace keel::sales {

namespace {
constexpr quintptr StageNode = 0; // internalId of a stage row; a card's is its stage row + 1
constexpr int CardsPerPage = 50;

QString firstText(const QJsonObject &o, std::initializer_list<const char *> paths)
{
    for (const char *p : paths) {
        const QJsonValue v = valueAt(o, QString::fromLatin1(p));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

QString cursorText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

// The card's weighted value: the server's when given, else value × probability / 100.
Money weightedOf(const QJsonObject &card, const QString &stageProbability)
{
    const Money given = moneyFromJsonValue(card.value("weighted_value"));
    if (given.isValid())
        return given;
    const Money value = moneyFromJsonValue(card.value("value"));
    if (!value.isValid())
        return {};
    QString p = card.value("probability").toString();
    if (p.isEmpty())
        p = stageProbability;
    const auto pct = Decimal::parse(p);
    if (!pct)
        return {};
    const auto factor = pct->divide(Decimal::fromInt(100));
    if (!factor)
        return {};
    const auto w = value.multiply(*factor);
    return w ? *w : Money();
}

Money plus(const Money &a, const Money &b, int sign)
{
    if (!a.isValid() || !b.isValid())
        return a;
    const auto r = sign > 0 ? a.add(b) : a.subtract(b);
    return r ? *r : a;
}
} // namespace

QString opportunityAccountName(const QJsonObject &o)
{
    return firstText(o, {"account.name", "account_name"});
}

QString opportunityOwnerName(const QJsonObject &o)
{
    return firstText(o, {"owner.display_name", "owner.name", "owner_name", "owner.username"});
}

QString opportunityStageCode(const QJsonObject &o)
{
    return firstText(o, {"stage.code", "stage", "stage_code"});
}

PipelineBoardModel::PipelineBoardModel(ApiClient *api, QObject *parent)
    : QAbstractItemModel(parent), m_api(api)
{}

void PipelineBoardModel::setFilter(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_filters.remove(name);
    else
        m_filters.insert(name, value);
}

QString PipelineBoardModel::filterQuery() const
{
    QStringList parts;
    for (auto it = m_filters.cbegin(); it != m_filters.cend(); ++it)
        parts.append(it.key() + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    return parts.join(u'&');
}

void PipelineBoardModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void PipelineBoardModel::reload()
{
    if (!m_api)
        return;
    const int generation = ++m_generation;
    setLoading(true);
    QString q = filterQuery();
    q = QStringLiteral("limit=%1").arg(CardsPerPage) + (q.isEmpty() ? q : u'&' + q);
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/crm/pipeline/board?") + q);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        setLoading(false);
        m_loaded = true;
        if (!reply->ok()) {
            m_lastError = humanMessage(reply->problem());
            emit loadFailed(m_lastError);
            return;
        }
        m_lastError.clear();
        beginResetModel();
        m_pending.clear();
        parseBoard(reply->object());
        endResetModel();
        emit loaded();
    });
}

void PipelineBoardModel::parseBoard(const QJsonObject &board)
{
    m_stages.clear();
    const QJsonArray columns = board.contains("columns") ? board.value("columns").toArray()
                                                         : board.value("stages").toArray();
    for (const QJsonValue &cv : columns) {
        const QJsonObject c = cv.toObject();
        const QJsonObject s = c.value("stage").isObject() ? c.value("stage").toObject() : c;
        Stage st;
        st.json = s;
        st.code = s.value("code").toString();
        if (st.code.isEmpty())
            st.code = c.value("stage").toString();
        st.name = s.value("name").toString();
        if (st.name.isEmpty())
            st.name = st.code;
        const QJsonValue prob = s.contains("default_probability") ? s.value("default_probability")
                                                                  : s.value("probability");
        st.probability = prob.isString() ? prob.toString() : prob.toVariant().toString();
        const QString kind = s.value("kind").toString();
        st.lost = kind == QLatin1String("lost") || s.value("is_lost").toBool() ||
                  st.code.compare(QLatin1String("lost"), Qt::CaseInsensitive) == 0;
        st.won = kind == QLatin1String("won") || s.value("is_won").toBool() ||
                 st.code.compare(QLatin1String("won"), Qt::CaseInsensitive) == 0;
        const QJsonArray items =
            c.contains("items") ? c.value("items").toArray() : c.value("cards").toArray();
        for (const QJsonValue &iv : items)
            st.cards.append(iv.toObject());
        st.count = c.contains("count") ? c.value("count").toInt() : int(st.cards.size());
        st.value = moneyFromJsonValue(c.contains("value") ? c.value("value") : c.value("total"));
        st.weighted = moneyFromJsonValue(c.contains("weighted") ? c.value("weighted")
                                                                : c.value("weighted_value"));
        if (!st.value.isValid() && !st.cards.isEmpty()) {
            // No totals from the server: sum what we have (same currency only).
            for (const QJsonObject &card : st.cards)
                adjustTotals(st, card, +1);
            st.count = int(st.cards.size());
        }
        st.after = cursorText(c.value("next_after"));
        m_stages.append(st);
    }
}

int PipelineBoardModel::stageRow(const QString &code) const
{
    for (int i = 0; i < m_stages.size(); ++i)
        if (m_stages.at(i).code == code)
            return i;
    return -1;
}

QModelIndex PipelineBoardModel::stageIndex(const QString &code) const
{
    const int row = stageRow(code);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex PipelineBoardModel::cardIndex(const QString &opportunityId) const
{
    for (int s = 0; s < m_stages.size(); ++s) {
        const auto &cards = m_stages.at(s).cards;
        for (int c = 0; c < cards.size(); ++c)
            if (idText(cards.at(c).value("id")) == opportunityId)
                return createIndex(c, 0, quintptr(s + 1));
    }
    return {};
}

QJsonObject PipelineBoardModel::card(const QString &opportunityId) const
{
    const QModelIndex i = cardIndex(opportunityId);
    return i.isValid() ? m_stages.at(int(i.internalId() - 1)).cards.at(i.row()) : QJsonObject();
}

QModelIndex PipelineBoardModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_stages.size() ? createIndex(row, 0, StageNode) : QModelIndex();
    if (parent.internalId() != StageNode || parent.row() >= m_stages.size())
        return {};
    return row < m_stages.at(parent.row()).cards.size()
               ? createIndex(row, 0, quintptr(parent.row() + 1))
               : QModelIndex();
}

QModelIndex PipelineBoardModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == StageNode)
        return {};
    return createIndex(int(child.internalId() - 1), 0, StageNode);
}

int PipelineBoardModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_stages.size());
    if (parent.internalId() == StageNode && parent.row() < m_stages.size())
        return int(m_stages.at(parent.row()).cards.size());
    return 0;
}

int PipelineBoardModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant PipelineBoardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == StageNode) {
        if (index.row() >= m_stages.size())
            return {};
        const Stage &s = m_stages.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return s.name;
        case IsStageRole:
            return true;
        case StageCodeRole:
        case IdRole:
            return s.code;
        case ObjectRole:
            return s.json;
        case ProbabilityRole:
            return s.probability;
        case CountRole:
            return s.count;
        case TotalRole:
            return formatMoney(s.value);
        case WeightedRole:
            return formatMoney(s.weighted);
        case IsLostRole:
            return s.lost;
        case IsWonRole:
            return s.won;
        default:
            return {};
        }
    }
    const int stageRow = int(index.internalId() - 1);
    if (stageRow >= m_stages.size() || index.row() >= m_stages.at(stageRow).cards.size())
        return {};
    const QJsonObject &c = m_stages.at(stageRow).cards.at(index.row());
    const QString id = idText(c.value("id"));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.value("name").toString();
    case Qt::ToolTipRole:
        return QStringLiteral("%1 — %2").arg(opportunityAccountName(c), c.value("name").toString());
    case IsStageRole:
        return false;
    case IdRole:
        return id;
    case ObjectRole:
        return c;
    case StageCodeRole:
        return m_stages.at(stageRow).code;
    case AccountRole:
        return opportunityAccountName(c);
    case ValueRole:
        return formatMoneyJson(c.value("value"));
    case CloseDateRole:
        return formatDateText(c.value("expected_close").toString());
    case OwnerRole:
        return opportunityOwnerName(c);
    case ProbabilityRole:
        return c.value("probability").toString();
    case VersionRole:
        return c.value("version").toInt();
    case PendingRole:
        return m_pending.contains(id);
    default:
        return {};
    }
}

Qt::ItemFlags PipelineBoardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == StageNode)
        return Qt::ItemIsEnabled | Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_pending.contains(data(index, IdRole).toString()))
        f |= Qt::ItemIsDragEnabled;
    return f;
}

bool PipelineBoardModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.internalId() != StageNode || parent.row() >= m_stages.size())
        return false;
    const Stage &s = m_stages.at(parent.row());
    return !s.after.isEmpty() && !s.loading && m_api;
}

void PipelineBoardModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int row = parent.row();
    Stage &s = m_stages[row];
    s.loading = true;
    const QString code = s.code;
    const int generation = m_generation;
    QString q = filterQuery();
    q = QStringLiteral("stage=%1&limit=%2&after=%3")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(code)))
            .arg(CardsPerPage)
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(s.after))) +
        (q.isEmpty() ? q : u'&' + q);
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/crm/opportunities?") + q);
    connect(reply, &ApiReply::finished, this, [this, reply, code, generation] {
        if (generation != m_generation)
            return;
        const int r = stageRow(code);
        if (r < 0)
            return;
        Stage &st = m_stages[r];
        st.loading = false;
        if (!reply->ok()) {
            st.after.clear();
            emit loadFailed(humanMessage(reply->problem()));
            return;
        }
        const QJsonObject page = reply->object();
        QList<QJsonObject> fresh;
        for (const QJsonValue &v : page.value("items").toArray()) {
            const QJsonObject o = v.toObject();
            if (!cardIndex(idText(o.value("id"))).isValid())
                fresh.append(o);
        }
        if (!fresh.isEmpty()) {
            beginInsertRows(index(r, 0), int(st.cards.size()),
                            int(st.cards.size() + fresh.size() - 1));
            st.cards.append(fresh);
            endInsertRows();
        }
        st.after = page.value("items").toArray().isEmpty() ? QString()
                                                           : cursorText(page.value("next_after"));
    });
}

void PipelineBoardModel::adjustTotals(Stage &stage, const QJsonObject &card, int sign)
{
    const Money value = moneyFromJsonValue(card.value("value"));
    if (!value.isValid())
        return;
    const Money weighted = weightedOf(card, stage.probability);
    if (!stage.value.isValid())
        stage.value = Money::zero(value.currency());
    if (!stage.weighted.isValid())
        stage.weighted = Money::zero(value.currency());
    stage.value = plus(stage.value, value, sign);
    if (weighted.isValid())
        stage.weighted = plus(stage.weighted, weighted, sign);
}

bool PipelineBoardModel::relocate(const QString &id, const QString &toStage,
                                  const QJsonObject &replacement)
{
    const QModelIndex from = cardIndex(id);
    const int toRow = stageRow(toStage);
    if (!from.isValid() || toRow < 0)
        return false;
    const int fromRow = int(from.internalId() - 1);
    if (fromRow == toRow) {
        m_stages[toRow].cards[from.row()] = replacement;
        emit dataChanged(from, from);
        return true;
    }
    const QJsonObject old = m_stages.at(fromRow).cards.at(from.row());
    beginMoveRows(index(fromRow, 0), from.row(), from.row(), index(toRow, 0), 0);
    m_stages[fromRow].cards.removeAt(from.row());
    m_stages[toRow].cards.prepend(replacement);
    endMoveRows();
    Stage &src = m_stages[fromRow];
    Stage &dst = m_stages[toRow];
    src.count = qMax(0, src.count - 1);
    dst.count += 1;
    // The weighted value follows the stage's probability unless the card carries its own.
    QJsonObject forTotals = old;
    forTotals.remove("weighted_value");
    adjustTotals(src, old, -1);
    adjustTotals(dst, forTotals, +1);
    emit dataChanged(index(fromRow, 0), index(fromRow, 0));
    emit dataChanged(index(toRow, 0), index(toRow, 0));
    emit totalsChanged(fromRow);
    emit totalsChanged(toRow);
    return true;
}

bool PipelineBoardModel::moveCard(const QString &opportunityId, const QString &toStage,
                                  const QString &lossReason)
{
    const QModelIndex from = cardIndex(opportunityId);
    const int toRow = stageRow(toStage);
    if (!from.isValid() || toRow < 0 || !m_api || m_pending.contains(opportunityId))
        return false;
    const int fromRow = int(from.internalId() - 1);
    if (fromRow == toRow)
        return false;
    QJsonObject card = m_stages.at(fromRow).cards.at(from.row());
    QString reason = lossReason;
    if (m_stages.at(toRow).lost && reason.isEmpty() && m_lossReason) {
        const std::optional<QString> asked = m_lossReason(card);
        if (!asked)
            return false;
        reason = *asked;
    }
    const QString fromCode = m_stages.at(fromRow).code;
    QJsonObject body{{"stage", toStage}, {"version", card.value("version").toInt()}};
    if (!reason.isEmpty())
        body.insert("loss_reason", reason);

    QJsonObject moved = card;
    if (moved.value("stage").isObject()) {
        QJsonObject st = moved.value("stage").toObject();
        st.insert("code", toStage);
        moved.insert("stage", st);
    } else {
        moved.insert("stage", toStage);
    }
    m_pending.insert(opportunityId, fromCode);
    relocate(opportunityId, toStage, moved);

    ApiReply *reply =
        m_api->post(QStringLiteral("/api/v1/crm/opportunities/%1/stage").arg(opportunityId), body);
    const int generation = m_generation;
    connect(reply, &ApiReply::finished, this, [=, this] {
        if (generation != m_generation)
            return;
        m_pending.remove(opportunityId);
        if (!reply->ok()) {
            relocate(opportunityId, fromCode, card);
            emit moveRefused(opportunityId, humanMessage(reply->problem()));
            return;
        }
        QJsonObject answer = reply->object();
        if (answer.contains("opportunity"))
            answer = answer.value("opportunity").toObject();
        QJsonObject updated = moved;
        for (auto it = answer.constBegin(); it != answer.constEnd(); ++it)
            updated.insert(it.key(), it.value());
        if (!answer.contains("version"))
            updated.insert("version", card.value("version").toInt() + 1);
        relocate(opportunityId, toStage, updated);
        emit moveSucceeded(opportunityId, toStage);
        refreshStageTotals(toStage);
    });
    return true;
}

void PipelineBoardModel::refreshStageTotals(const QString &)
{
    // The server's totals are authoritative (currencies, probability overrides): fetch them
    // again without the cards and take count, value and weighted for every stage.
    if (!m_api)
        return;
    const int generation = m_generation;
    QString q = filterQuery();
    q = QStringLiteral("limit=1") + (q.isEmpty() ? q : u'&' + q);
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/crm/pipeline/board?") + q);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation || !reply->ok() || !m_pending.isEmpty())
            return;
        const QJsonObject board = reply->object();
        const QJsonArray columns = board.contains("columns") ? board.value("columns").toArray()
                                                             : board.value("stages").toArray();
        for (const QJsonValue &cv : columns) {
            const QJsonObject c = cv.toObject();
            const QJsonObject s = c.value("stage").isObject() ? c.value("stage").toObject() : c;
            QString code = s.value("code").toString();
            if (code.isEmpty())
                code = c.value("stage").toString();
            const int r = stageRow(code);
            if (r < 0 || !c.contains("count"))
                continue;
            Stage &st = m_stages[r];
            st.count = c.value("count").toInt();
            const Money v = moneyFromJsonValue(c.value("value"));
            const Money w = moneyFromJsonValue(c.value("weighted"));
            if (v.isValid())
                st.value = v;
            if (w.isValid())
                st.weighted = w;
            emit dataChanged(index(r, 0), index(r, 0));
            emit totalsChanged(r);
        }
    });
}

QStringList PipelineBoardModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType)};
}

QMimeData *PipelineBoardModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes)
        if (i.isValid() && i.internalId() != StageNode)
            ids.append(data(i, IdRole).toString());
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(MimeType), ids.join(u',').toUtf8());
    return mime;
}

namespace {
// The stage a drop lands on: the column (root index) or the card dropped onto.
QModelIndex dropStage(const QModelIndex &parent)
{
    if (!parent.isValid())
        return {};
    return parent.internalId() == StageNode ? parent : parent.parent();
}
} // namespace

bool PipelineBoardModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                         const QModelIndex &parent) const
{
    return data && data->hasFormat(QString::fromLatin1(MimeType)) &&
           (action == Qt::MoveAction || action == Qt::CopyAction) && dropStage(parent).isValid();
}

bool PipelineBoardModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                      int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QModelIndex stage = dropStage(parent);
    const QString toStage = m_stages.at(stage.row()).code;
    const QStringList ids = QString::fromUtf8(data->data(QString::fromLatin1(MimeType)))
                                .split(u',', Qt::SkipEmptyParts);
    for (const QString &id : ids)
        moveCard(id, toStage);
    // The model moved the rows itself: the view must not remove the dragged originals.
    return false;
}

} // namespace keel::sales
