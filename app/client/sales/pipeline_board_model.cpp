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

Money opportunityValue(const QJsonObject &card)
{
    const Money m = moneyFromJsonValue(card.value("expected_value"));
    return m.isValid() ? m : moneyFromJsonValue(card.value("value"));
}

// The card's weighted value: the server's when given, else value × probability / 100.
Money weightedOf(const QJsonObject &card, const QString &stageProbability)
{
    const Money given = moneyFromJsonValue(card.value("weighted_value"));
    if (given.isValid())
        return given;
    const Money value = opportunityValue(card);
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

void plus(QMap<QString, Money> &totals, const Money &b, int sign)
{
    if (!b.isValid())
        return;
    const QString code = b.currency().code();
    const Money a = totals.value(code, Money::zero(b.currency()));
    const auto r = sign > 0 ? a.add(b) : a.subtract(b);
    if (r)
        totals.insert(code, *r);
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

QString formatTotals(const QMap<QString, Money> &perCurrency)
{
    QStringList parts;
    for (const Money &m : perCurrency)
        if (!m.isZero())
            parts.append(formatMoney(m));
    return parts.join(QStringLiteral(" · "));
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
    const QString q = filterQuery();
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/crm/pipeline/board") +
                                 (q.isEmpty() ? QString() : u'?' + q));
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
        for (int row = 0; row < m_stages.size(); ++row)
            fetchMore(index(row, 0));
    });
}

void PipelineBoardModel::readTotals(Stage &st, const QJsonObject &c)
{
    st.count = c.value("count").toInt();
    st.value.clear();
    st.weighted.clear();
    for (const QJsonValue &tv : c.value("totals").toArray()) {
        const QJsonObject t = tv.toObject();
        const Money v = moneyFromJsonValue(t.value("value"));
        const Money w = moneyFromJsonValue(t.value("weighted_value"));
        if (v.isValid())
            st.value.insert(v.currency().code(), v);
        if (w.isValid())
            st.weighted.insert(w.currency().code(), w);
    }
}

void PipelineBoardModel::parseBoard(const QJsonObject &board)
{
    m_stages.clear();
    for (const QJsonValue &cv : board.value("stages").toArray()) {
        const QJsonObject c = cv.toObject();
        Stage st;
        st.json = c;
        st.code = c.value("stage").toString();
        st.name = c.value("name").toString();
        if (st.name.isEmpty())
            st.name = st.code;
        st.probability = c.value("default_probability").toString();
        st.lost = c.value("is_lost").toBool();
        st.won = c.value("is_won").toBool();
        readTotals(st, c);
        st.after = QStringLiteral("*"); // the first page is still to come
        m_stages.append(st);
    }
}

bool PipelineBoardModel::isIdle() const
{
    if (m_loading || !m_loaded || !m_pending.isEmpty())
        return false;
    for (const Stage &s : m_stages)
        if (s.loading || !s.cardsLoaded)
            return false;
    return true;
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
            return formatTotals(s.value);
        case WeightedRole:
            return formatTotals(s.weighted);
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
        return formatMoney(opportunityValue(c));
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
    q = QStringLiteral("stage=%1&limit=%2")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(code)))
            .arg(CardsPerPage) +
        (s.after == QLatin1String("*")
             ? QString()
             : QStringLiteral("&after=") + QString::fromLatin1(QUrl::toPercentEncoding(s.after))) +
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
        st.cardsLoaded = true;
        if (!reply->ok()) {
            st.after.clear();
            emit loadFailed(humanMessage(reply->problem()));
            emit cardsLoaded(r);
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
        emit cardsLoaded(r);
    });
}

void PipelineBoardModel::adjustTotals(Stage &stage, const QJsonObject &card, int sign)
{
    plus(stage.value, opportunityValue(card), sign);
    plus(stage.weighted, weightedOf(card, stage.probability), sign);
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
    // Moved, the card takes the new stage's default probability (as the server does).
    adjustTotals(src, old, -1);
    QJsonObject forTotals = replacement;
    forTotals.remove("weighted_value");
    if (!dst.probability.isEmpty())
        forTotals.insert("probability", dst.probability);
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
    moved.insert("stage", toStage);
    moved.insert("stage_name", m_stages.at(toRow).name);
    if (!m_stages.at(toRow).probability.isEmpty())
        moved.insert("probability", m_stages.at(toRow).probability);
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
    // The server's totals are authoritative: fetch the board again (totals only, no cards).
    if (!m_api)
        return;
    const int generation = m_generation;
    const QString q = filterQuery();
    ApiReply *reply = m_api->get(QStringLiteral("/api/v1/crm/pipeline/board") +
                                 (q.isEmpty() ? QString() : u'?' + q));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation || !reply->ok() || !m_pending.isEmpty())
            return;
        for (const QJsonValue &cv : reply->object().value("stages").toArray()) {
            const QJsonObject c = cv.toObject();
            const int r = stageRow(c.value("stage").toString());
            if (r < 0)
                continue;
            readTotals(m_stages[r], c);
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
