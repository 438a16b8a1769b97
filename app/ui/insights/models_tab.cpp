#include "models_tab.h"

#include "api_client.h"
#include "api_reply.h"
#include "insights_api.h"
#include "insights_state.h"
#include "insights_text.h"
#include "problem_text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace keel::insights {

ModelsTab::ModelsTab(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_api(api), m_table(new QTableWidget), m_notes(new QLabel),
      m_retrain(new QPushButton(tr("Retrain models"))), m_progress(new QProgressBar),
      m_status(new QLabel), m_timer(new QTimer(this))
{
    m_table->setObjectName("insightsModels");
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Version"), tr("Trained"), tr("Sample"),
                                        tr("Training time"), tr("Backtest against the targets")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_notes->setObjectName("insightsModelNotes");
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::RichText);
    m_notes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_retrain->setObjectName("insightsRetrainModels");
    m_progress->setObjectName("insightsTrainingProgress");
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_status->setObjectName("insightsTrainingStatus");
    m_timer->setSingleShot(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_retrain);
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_status, 2);
    auto *content = new QWidget;
    auto *cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_table, 3);
    cl->addWidget(m_notes, 1);

    m_state = new InsightsStatePanel(content);
    m_state->setRetrainOffered(false); // the button above is always there
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addLayout(bar);
    layout->addWidget(m_state, 1);

    connect(m_retrain, &QPushButton::clicked, this, &ModelsTab::retrain);
    connect(m_state, &InsightsStatePanel::retryRequested, this, &ModelsTab::reload);
    connect(m_timer, &QTimer::timeout, this, &ModelsTab::poll);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showNotes(row); });
}

QString ModelsTab::statusText() const
{
    return m_status->text();
}

void ModelsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_started)
        reload();
}

void ModelsTab::reload()
{
    m_started = true;
    if (m_models.isEmpty())
        m_state->showLoading();
    const int generation = ++m_generation;
    ApiReply *reply = m_api->get(InsightsApi::modelsPath());
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            m_state->showError(humanMessage(reply->problem()));
            emit loaded();
            return;
        }
        m_models = modelsFromJson(reply->object());
        fill();
        emit loaded();
    });
}

void ModelsTab::fill()
{
    m_table->setRowCount(int(m_models.size()));
    bool anyTrained = false;
    for (int i = 0; i < m_models.size(); ++i) {
        const InsightsModelInfo &m = m_models.at(i);
        anyTrained = anyTrained || m.trained();
        QStringList figures;
        for (const InsightsBacktestFigure &f : m.figures) {
            if (figureTitle(f.name) == f.name)
                continue; // a model's own count: in the notes below
            const auto met = figureMeetsTarget(f.name, f.value);
            const QString target = figureTargetText(f.name);
            figures.append(
                (met ? (*met ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) : QString()) +
                figureTitle(f.name) + QStringLiteral(": ") + figureValueText(f.name, f.value) +
                (target.isEmpty() ? QString() : tr(" (target %1)").arg(target)));
        }
        const QString title = m.title.isEmpty() ? modelTitle(m.name) : modelTitle(m.name);
        const QStringList cells{
            title,
            m.trained() ? QString::number(m.version) : tr("not trained"),
            m.trained()
                ? insightsDateText(m.trainedAt) + QStringLiteral(" ") + m.trainedAt.mid(11, 5)
                : QString(),
            m.trained() ? QLocale().toString(m.sampleSize) : QString(),
            m.trained() ? tr("%1 s").arg(QLocale().toString(m.trainingMs / 1000.0, 'f', 1))
                        : QString(),
            figures.isEmpty() ? (m.trained() ? tr("no figures") : tr("No model trained yet"))
                              : figures.join(u'\n')};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 5) {
                bool missed = false;
                for (const InsightsBacktestFigure &f : m.figures)
                    if (auto met = figureMeetsTarget(f.name, f.value); met && !*met)
                        missed = true;
                if (missed)
                    item->setForeground(QColor(0xb4, 0x23, 0x18));
                else if (!m.figures.isEmpty())
                    item->setForeground(QColor(0x27, 0x67, 0x49));
            }
            if (c == 1 || c == 3 || c == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(c == 0 ? m.description : cells.at(c));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    if (m_models.isEmpty())
        m_state->showEmpty(tr("The server offers no models."));
    else
        m_state->showReady();
    if (m_table->currentRow() < 0 && !m_models.isEmpty())
        m_table->setCurrentCell(0, 0);
    else
        showNotes(m_table->currentRow());
    if (!anyTrained && !isTraining())
        m_status->setText(tr("No model trained yet"));
}

void ModelsTab::showNotes(int row)
{
    if (row < 0 || row >= m_models.size()) {
        m_notes->clear();
        return;
    }
    const InsightsModelInfo &m = m_models.at(row);
    if (!m.trained()) {
        m_notes->setText(
            tr("<b>%1</b>: no model trained yet. %2")
                .arg(modelTitle(m.name).toHtmlEscaped(), m.description.toHtmlEscaped()));
        return;
    }
    QStringList counts;
    for (const InsightsBacktestFigure &f : m.figures)
        if (figureTitle(f.name) == f.name)
            counts.append(f.name + QStringLiteral(" ") + f.value);
    m_notes->setText(
        tr("<b>%1</b>, version %2, fitted on the history up to %3. <br>Backtest: fitted before "
           "%4 (%5 cases), scored after it (%6 cases).<br>%7")
            .arg(modelTitle(m.name).toHtmlEscaped(), QString::number(m.version),
                 insightsDateText(m.asOf), insightsDateText(m.cutoff), m.trainedOn, m.scoredOn,
                 m.notes.toHtmlEscaped()) +
        (counts.isEmpty()
             ? QString()
             : QStringLiteral("<br><span style='color:#6b7788'>") +
                   counts.join(QStringLiteral(" · ")).toHtmlEscaped() + QStringLiteral("</span>")));
}

void ModelsTab::retrain()
{
    if (isTraining())
        return;
    m_retrain->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Starting a training run…"));
    ApiReply *reply = InsightsApi(m_api).startTraining();
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_retrain->setEnabled(true);
            m_progress->hide();
            m_status->setText(humanMessage(reply->problem()));
            emit trainingFinished(false);
            return;
        }
        const QJsonObject run = reply->object();
        m_runId = jsonText(run.value(QStringLiteral("id")));
        takeRun(run);
    });
}

void ModelsTab::poll()
{
    if (m_runId.isEmpty())
        return;
    ApiReply *reply = InsightsApi(m_api).trainingRun(m_runId);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            // The run goes on on the server; ask again a little later.
            m_status->setText(humanMessage(reply->problem()));
            m_timer->start(std::max(m_pollMs, 1) * 4);
            return;
        }
        takeRun(reply->object());
    });
}

void ModelsTab::takeRun(const QJsonObject &run)
{
    m_run = run;
    const QString status = run.value(QStringLiteral("status")).toString();
    const int progress = run.value(QStringLiteral("progress")).toInt();
    const QString step = run.value(QStringLiteral("step")).toString();
    if (status == QLatin1String("completed") || status == QLatin1String("failed")) {
        m_runId.clear();
        m_retrain->setEnabled(true);
        const bool ok = status == QLatin1String("completed");
        m_progress->setValue(ok ? 100 : progress);
        m_status->setText(
            ok ? tr("Trained: every model has a new version.")
               : tr("Training failed: %1").arg(run.value(QStringLiteral("error")).toString()));
        reload();
        emit trainingFinished(ok);
        return;
    }
    m_progress->setValue(progress);
    m_status->setText(step.isEmpty() ? trainingStatusText(status)
                                     : trainingStatusText(status) + QStringLiteral(": ") + step);
    m_timer->start(m_pollMs);
}

} // namespace keel::insights
