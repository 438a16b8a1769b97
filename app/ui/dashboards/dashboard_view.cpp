#include "dashboard_view.h"

#include "api_reply.h"
#include "chart_card.h"
#include "drill_dialog.h"
#include "insights/insights_card.h"
#include "problem.h"
#include "problem_text.h"

#include <QGridLayout>
#include <QScrollArea>
#include <QVBoxLayout>

namespace keel::dashboards {

namespace {
constexpr int Columns = 3;

// A card's wrapped comparison text gives the grid a height-for-width, and a scroll area then
// sizes the grid by every card's preferred height: a window tall enough for every card still
// scrolled. Without it the grid fills the viewport and scrolls only below the cards' minimum.
class RowsByMinimumGrid : public QGridLayout
{
public:
    using QGridLayout::QGridLayout;
    bool hasHeightForWidth() const override { return false; }
};
} // namespace

DashboardView::DashboardView(ApiClient *api, DashboardRole role, QWidget *parent)
    : DashboardView(api, role, dashboardCards(role), parent)
{}

DashboardView::DashboardView(ApiClient *api, const QList<CardSpec> &cards, QWidget *parent)
    : DashboardView(api, DashboardRole::Executive, cards, parent)
{}

DashboardView::DashboardView(ApiClient *api, DashboardRole role, const QList<CardSpec> &cards,
                             QWidget *parent)
    : QWidget(parent), m_client(api), m_api(api), m_role(role),
      m_filter(DashboardFilter::lastTwelveFullMonths(QDate::currentDate()))
{
    setObjectName(QStringLiteral("dashboard_") + dashboardRoleKey(role));
    qRegisterMetaType<DrillDialog *>(); // queued and spied on as drillOpened's argument
    auto *grid = new QWidget;
    grid->setObjectName("dashboardGrid");
    auto *layout = new RowsByMinimumGrid(grid);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    // Each card goes to the first free place its spans fit, row by row.
    QList<QList<bool>> taken;
    const auto isFree = [&taken](int r, int c, int rows, int columns) {
        for (int i = r; i < r + rows; ++i)
            for (int j = c; j < c + columns; ++j)
                if (j >= Columns || (i < taken.size() && taken.at(i).at(j)))
                    return false;
        return true;
    };
    int lastRow = 0;
    for (const CardSpec &spec : cards) {
        const int columns = std::clamp(spec.columnSpan, 1, Columns);
        const int rows = std::max(1, spec.rowSpan);
        int r = 0, c = 0;
        while (!isFree(r, c, rows, columns)) {
            if (++c >= Columns) {
                c = 0;
                ++r;
            }
        }
        while (taken.size() < r + rows)
            taken.append(QList<bool>(Columns, false));
        for (int i = r; i < r + rows; ++i)
            for (int j = c; j < c + columns; ++j)
                taken[i][j] = true;
        lastRow = std::max(lastRow, r + rows - 1);
        if (!spec.insights.isEmpty()) {
            auto *insight = new insights::InsightsCard(api, spec, grid);
            layout->addWidget(insight, r, c, rows, columns);
            m_insightsCards.append(insight);
            continue;
        }
        auto *card = new ChartCard(spec, grid);
        layout->addWidget(card, r, c, rows, columns);
        m_cards.append(card);
        connect(card, &ChartCard::retryRequested, this, [this, card] {
            // One card again: it counts as pending until it answers.
            if (m_pending == 0)
                m_clock.start();
            ++m_pending;
            m_msecs.insert(card->spec().id, -1);
            fetch(card);
        });
        connect(card, &ChartCard::pointActivated, this, [this, card](const MetricPoint &p) {
            if (m_drillEnabled)
                openDrill(card->spec().id, p);
        });
    }
    for (int c = 0; c < Columns; ++c)
        layout->setColumnStretch(c, 1);
    // A tall window gives every row more room alike.
    for (int r = 0; r <= lastRow; ++r)
        layout->setRowStretch(r, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);
    grid->setStyleSheet(QStringLiteral("#dashboardGrid { background: #f3f5f8; }"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

ChartCard *DashboardView::card(const QString &id) const
{
    for (ChartCard *c : m_cards)
        if (c->spec().id == id)
            return c;
    return nullptr;
}

QUrlQuery DashboardView::cardQueryOf(const QString &id) const
{
    return m_queries.value(id);
}

void DashboardView::setFilter(const DashboardFilter &filter)
{
    if (filter == m_filter && !m_stale)
        return;
    m_filter = filter;
    m_stale = true;
    if (isVisible())
        reload();
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void DashboardView::reload()
{
    m_stale = false;
    ++m_generation; // answers to an older filter are dropped when they arrive
    m_pending = int(m_cards.size());
    m_loadMsecs = -1;
    m_msecs.clear();
    m_cardGeneration.clear();
    m_clock.start();
    for (ChartCard *card : m_cards)
        fetch(card);
}

void DashboardView::fetch(ChartCard *card)
{
    const CardSpec &spec = card->spec();
    const QUrlQuery query = cardQuery(spec, m_filter);
    m_queries.insert(spec.id, query);
    card->showLoading();
    const int generation = m_generation;
    const int cardGeneration = ++m_cardGeneration[spec.id];
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    ApiReply *reply = m_api.metric(spec.metric, query);
    connect(reply, &ApiReply::finished, card,
            [this, card, reply, generation, cardGeneration, timer] {
                const QString id = card->spec().id;
                if (generation != m_generation || cardGeneration != m_cardGeneration.value(id))
                    return; // a newer filter or a retry asked again
                const qint64 msecs = timer->elapsed();
                m_msecs.insert(id, msecs);
                if (reply->ok())
                    card->showAnswer(MetricAnswer::fromJson(reply->object()));
                else
                    card->showError(humanMessage(reply->problem()));
                emit cardLoaded(id, msecs, reply->ok());
                if (--m_pending == 0) {
                    m_loadMsecs = m_clock.elapsed();
                    emit allCardsLoaded(m_loadMsecs);
                }
            });
}

DrillDialog *DashboardView::openDrill(const QString &cardId, const MetricPoint &point)
{
    ChartCard *c = card(cardId);
    if (!c || c->state() != ChartCard::State::Ready)
        return nullptr;
    auto *dialog =
        new DrillDialog(m_client, c->spec(), c->answer(), point, m_queries.value(cardId), this);
    dialog->setWindowModality(Qt::NonModal);
    dialog->show();
    emit drillOpened(dialog);
    return dialog;
}

} // namespace keel::dashboards
