#include "insights_page.h"

#include "api_client.h"
#include "api_reply.h"
#include "cash_in_tab.h"
#include "forecast_tab.h"
#include "insights_api.h"
#include "insights_list_tab.h"
#include "insights_lists.h"
#include "insights_table_model.h"
#include "insights_text.h"
#include "models_tab.h"
#include "reasons_view.h"
#include "session.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::insights {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

InsightsListTab::Detail describeDeal(const QJsonObject &row)
{
    const DealScore d = DealScore::fromJson(row);
    InsightsListTab::Detail detail;
    detail.heading = d.account.isEmpty() ? d.name : d.name + QStringLiteral(" — ") + d.account;
    detail.figures =
        QCoreApplication::translate("keel::insights::InsightsPage",
                                    "%1 · %2 · expected close %3<br>Rep: <b>%4</b> · Model: "
                                    "<b>%5</b>%6")
            .arg(esc(stageText(d.stage)), insightsMoneyText(d.value, d.currency),
                 insightsDateText(d.expectedClose), probabilityText(d.repProbability),
                 probabilityText(d.modelProbability),
                 d.atRisk ? QCoreApplication::translate(
                                "keel::insights::InsightsPage",
                                " · <span style='color:#b42318'>at risk: the model sees far "
                                "less chance than the rep</span>")
                          : QString());
    detail.reasons = d.factors;
    return detail;
}

InsightsListTab::Detail describeProject(const QJsonObject &row)
{
    const ProjectRisk p = ProjectRisk::fromJson(row);
    InsightsListTab::Detail detail;
    detail.heading = (p.code.isEmpty() ? QString() : p.code + QStringLiteral(" · ")) + p.name;
    detail.figures =
        QCoreApplication::translate(
            "keel::insights::InsightsPage",
            "%1 · managed by %2<br>Severity <b>%3</b> · margin forecast <b>%4</b> against a "
            "target of %5 · expected margin at completion <b>%6</b> of %7<br>Budget spent %8 · "
            "complete %9")
            .arg(esc(p.account), esc(p.manager), severityText(p.severity),
                 probabilityText(p.forecastMargin), probabilityText(p.targetMargin),
                 insightsMoneyText(p.expectedMargin, p.currency),
                 insightsMoneyText(p.contractValue, p.currency), reasonNumberText(p.budgetSpentPct),
                 reasonNumberText(p.percentComplete));
    detail.reasons = p.evidence;
    return detail;
}

InsightsListTab::Detail describeInvoice(const QJsonObject &row)
{
    const FlaggedInvoice f = FlaggedInvoice::fromJson(row);
    InsightsListTab::Detail detail;
    detail.heading =
        (f.number.isEmpty()
             ? QCoreApplication::translate("keel::insights::Text", "Draft %1").arg(f.id)
             : f.number) +
        QStringLiteral(" — ") + f.account;
    detail.figures = pluralText(QCoreApplication::translate(
                                    "keel::insights::InsightsPage",
                                    "Total %1 · %n flag(s) · double-click to open the draft",
                                    nullptr, int(f.flags.size())),
                                int(f.flags.size()))
                         .arg(insightsMoneyText(f.total, f.currency));
    detail.reasons = f.flags;
    return detail;
}
} // namespace

InsightsPage::InsightsPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_tabs(new QTabWidget(this))
{
    setObjectName("insightsPage");
    m_tabs->setObjectName("insightsTabs");
    m_tabs->setDocumentMode(true);
    ApiClient *api = session->api();

    m_deals = new InsightsListTab(makeDealsModel(api, {}, {}), describeDeal,
                                  tr("No open opportunities."));
    m_deals->setObjectName("insightsDeals");
    m_projects = new InsightsListTab(makeProjectRiskModel(api, {}, {}), describeProject,
                                     tr("No project's margin is at risk."));
    m_projects->setObjectName("insightsProjects");
    m_invoices = new InsightsListTab(makeFlaggedInvoicesModel(api, {}), describeInvoice,
                                     tr("No draft invoice is flagged."));
    m_invoices->setObjectName("insightsInvoices");
    m_cashIn = new CashInTab(api);
    m_cashIn->setObjectName("insightsCashIn");
    m_forecast = new ForecastTab(api);
    m_forecast->setObjectName("insightsForecast");
    m_models = new ModelsTab(api);
    m_models->setObjectName("insightsModelsTab");

    m_tabs->addTab(m_deals, tr("Deals"));
    m_tabs->addTab(m_projects, tr("Projects at risk"));
    m_tabs->addTab(m_invoices, tr("Flagged invoices"));
    m_tabs->addTab(m_cashIn, tr("Cash-in"));
    m_tabs->addTab(m_forecast, tr("Forecast"));
    m_tabs->addTab(m_models, tr("Models"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    // The weighted pipeline by the reps and by the model above the deals.
    connect(m_deals, &InsightsListTab::loaded, this, [this] {
        const QJsonObject totals =
            m_deals->model()->answer().value(QStringLiteral("totals")).toObject();
        if (totals.isEmpty()) {
            m_deals->summary()->hide();
            return;
        }
        const QString currency = totals.value(QStringLiteral("currency")).toString();
        m_deals->summary()->setText(
            tr("Weighted pipeline — by the reps: <b>%1</b> · by the model: <b>%2</b>. Deals in "
               "red are at risk: the model sees far less chance than the rep.")
                .arg(insightsMoneyText(jsonText(totals.value(QStringLiteral("weighted_rep"))),
                                       currency),
                     insightsMoneyText(jsonText(totals.value(QStringLiteral("weighted_model"))),
                                       currency)));
        m_deals->summary()->show();
    });
    // The list carries a deal's top five factors; the selected one shows every factor.
    connect(m_deals, &InsightsListTab::rowSelected, this, [this, api](const QJsonObject &row) {
        const QString id = jsonText(row.value(QStringLiteral("opportunity_id")));
        ApiReply *reply = api->get(InsightsApi::opportunityPath(id));
        connect(reply, &ApiReply::finished, m_deals, [this, reply, id] {
            const int current = m_deals->view()->currentIndex().row();
            if (!reply->ok() || m_deals->model()->rowId(current) != id)
                return;
            const QJsonObject answer = reply->object();
            const QJsonObject item = answer.contains(QStringLiteral("item"))
                                         ? answer.value(QStringLiteral("item")).toObject()
                                         : answer;
            m_deals->showDetail(describeDeal(item));
        });
    });
    connect(m_deals, &InsightsListTab::recordRequested, this, [this](const QJsonObject &row) {
        if (m_navigator)
            m_navigator(QStringLiteral("opportunity"),
                        jsonText(row.value(QStringLiteral("opportunity_id"))));
    });
    connect(m_projects, &InsightsListTab::recordRequested, this, [this](const QJsonObject &row) {
        if (m_navigator)
            m_navigator(QStringLiteral("project"),
                        jsonText(row.value(QStringLiteral("project_id"))));
    });
    connect(m_invoices, &InsightsListTab::recordRequested, this, &InsightsPage::openInvoice);
    connect(m_cashIn, &CashInTab::recordRequested, this, [this](const QJsonObject &row) {
        if (m_navigator)
            m_navigator(QStringLiteral("invoice"),
                        jsonText(row.value(QStringLiteral("invoice_id"))));
    });
    for (InsightsListTab *tab : {m_deals, m_projects, m_invoices})
        connect(tab, &InsightsListTab::retrainRequested, this, &InsightsPage::retrainFromTab);
    connect(m_cashIn, &CashInTab::retrainRequested, this, &InsightsPage::retrainFromTab);
    connect(m_forecast, &ForecastTab::retrainRequested, this, &InsightsPage::retrainFromTab);
    connect(m_models, &ModelsTab::trainingFinished, this, [this](bool ok) {
        if (ok)
            reloadAll();
    });
}

void InsightsPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void InsightsPage::retrainFromTab()
{
    showTab(ModelsTab_);
    m_models->retrain();
}

void InsightsPage::reloadAll()
{
    // Tabs already opened ask again; the others load when first shown anyway.
    for (InsightsListTab *tab : {m_deals, m_projects, m_invoices})
        if (tab->model()->hasLoaded() || tab->model()->notTrained() ||
            !tab->model()->lastError().isEmpty())
            tab->reload();
    m_cashIn->reload();
    m_forecast->reload();
}

void InsightsPage::openInvoice(const QJsonObject &row)
{
    const QString id = jsonText(row.value(QStringLiteral("invoice_id")));
    if (m_navigator && m_navigator(QStringLiteral("invoice"), id))
        return;
    // No Billing workspace for this user: the flags in a dialog.
    const InsightsListTab::Detail d = describeInvoice(row);
    QDialog dialog(this);
    dialog.setObjectName("invoiceFlagsDialog");
    dialog.setWindowTitle(d.heading);
    auto *heading =
        new QLabel(QStringLiteral("<b>") + esc(d.heading) + QStringLiteral("</b><br>") + d.figures);
    heading->setWordWrap(true);
    auto *reasons = new ReasonsView;
    reasons->setReasons(d.reasons);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *l = new QVBoxLayout(&dialog);
    l->addWidget(heading);
    l->addWidget(reasons, 1);
    l->addWidget(buttons);
    dialog.resize(560, 360);
    dialog.exec();
}

} // namespace keel::insights
