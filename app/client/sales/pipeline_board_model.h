#pragma once

#include "money.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointer>

#include <functional>
#include <optional>

namespace keel {
class ApiClient;
}

namespace keel::sales {

// The pipeline board as a two-level model: top-level rows are the stages (in the server's
// order), their children the opportunity cards. A view shows one stage per column by setting
// its root index to the stage (QListView::setRootIndex), so drag and drop between columns is
// ordinary model drag and drop.
//
// GET /api/v1/crm/pipeline/board gives the stages and their totals (count, value and weighted
// value per currency); the cards load lazily per stage through canFetchMore(stage)/
// fetchMore(stage), paging GET /api/v1/crm/opportunities?stage=… (the first page of every stage
// right after the board). Filters (owner, practice, close date range) are sent
// to the server. Moving a card POSTs /api/v1/crm/opportunities/{id}/stage with the card's
// version; the card moves at once and goes back when the server refuses (409/412/422…),
// with the server's words in moveRefused().
class PipelineBoardModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        ObjectRole,    // the opportunity (card) or stage JSON
        IsStageRole,   // bool
        StageCodeRole, // card: its stage; stage: its code
        NameRole,      // card: opportunity name; stage: stage name
        AccountRole,
        ValueRole, // formatted money
        CloseDateRole,
        OwnerRole,
        ProbabilityRole, // decimal text, e.g. "40"
        VersionRole,
        CountRole,    // stage
        TotalRole,    // stage: formatted value
        WeightedRole, // stage: formatted weighted value
        IsLostRole,   // stage
        IsWonRole,    // stage
        PendingRole,  // card: a move is waiting for the server
    };

    struct Stage
    {
        QString code;
        QString name;
        QString probability; // decimal text
        bool lost = false;
        bool won = false;
        QJsonObject json;
        QList<QJsonObject> cards;
        int count = 0; // all cards of the stage under the filters (server), not just loaded
        QMap<QString, Money> value;    // per currency
        QMap<QString, Money> weighted; // per currency
        bool cardsLoaded = false;      // the first page arrived
        QString after;                 // next page cursor; empty = all loaded
        bool loading = false;
    };

    explicit PipelineBoardModel(ApiClient *api, QObject *parent = nullptr);

    // Filters: owner id, practice code, expected close from/to (YYYY-MM-DD). Empty = any.
    void setFilter(const QString &name, const QString &value);
    QString filter(const QString &name) const { return m_filters.value(name); }
    void reload();
    bool isLoading() const { return m_loading; }
    // The board and the first page of every stage have arrived; nothing is in flight.
    bool isIdle() const;
    bool hasLoaded() const { return m_loaded; }
    QString lastError() const { return m_lastError; }

    int stageCount() const { return int(m_stages.size()); }
    const Stage &stage(int row) const { return m_stages.at(row); }
    int stageRow(const QString &code) const;
    QModelIndex stageIndex(const QString &code) const;
    QModelIndex cardIndex(const QString &opportunityId) const;
    QJsonObject card(const QString &opportunityId) const;

    // Asked before a move to a "lost" stage; return nullopt to cancel the move. Set by the view
    // (a dialog); without one, moves to a lost stage are sent without a reason.
    using LossReasonProvider = std::function<std::optional<QString>(const QJsonObject &card)>;
    void setLossReasonProvider(LossReasonProvider provider) { m_lossReason = std::move(provider); }

    // Moves a card to another stage (optimistically) and tells the server. Returns false when
    // nothing was sent (unknown card/stage, same stage, cancelled loss reason, a move pending).
    bool moveCard(const QString &opportunityId, const QString &toStage,
                  const QString &lossReason = QString());

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }

    static constexpr auto MimeType = "application/x-keel-opportunity";

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message);
    void moveSucceeded(const QString &opportunityId, const QString &stage);
    void moveRefused(const QString &opportunityId, const QString &message);
    void totalsChanged(int stageRow);
    void cardsLoaded(int stageRow);

private:
    void parseBoard(const QJsonObject &board);
    static void readTotals(Stage &stage, const QJsonObject &column);
    bool relocate(const QString &id, const QString &toStage, const QJsonObject &replacement);
    void adjustTotals(Stage &stage, const QJsonObject &card, int sign);
    void refreshStageTotals(const QString &code);
    QString filterQuery() const;
    void setLoading(bool loading);

    QPointer<ApiClient> m_api;
    QMap<QString, QString> m_filters;
    QList<Stage> m_stages;
    QMap<QString, QString> m_pending; // id -> original stage while a move is in flight
    LossReasonProvider m_lossReason;
    bool m_loading = false;
    bool m_loaded = false;
    QString m_lastError;
    int m_generation = 0;
};

// Reading an opportunity's fields, whatever the exact JSON shape of the reference.
QString opportunityAccountName(const QJsonObject &o);
QString opportunityOwnerName(const QJsonObject &o);
QString opportunityStageCode(const QJsonObject &o);
// "EUR 120,000.00 · GBP 30,000.00"
QString formatTotals(const QMap<QString, Money> &perCurrency);

} // namespace keel::sales
