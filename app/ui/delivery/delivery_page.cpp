#include "delivery_page.h"

#include "json_array_model.h"
#include "paged_list_model.h"
#include "project_detail.h"
#include "project_workspace.h"
#include "sales/list_panel.h"
#include "session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::delivery {

namespace {
// Shows a project's status in words ("On hold", not "on_hold").
class StatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant &value, const QLocale &) const override
    {
        return stateName(value.toString());
    }
};
} // namespace

DeliveryPage::DeliveryPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel), m_status(new QComboBox)
{
    setObjectName("workspacePage_delivery");
    m_title->setObjectName("pageTitle");
    m_title->setText(tr("Delivery"));

    using F = ListColumn::Format;
    auto *model = new sales::PagedListModel(
        session->api(), DeliveryPath::projects(),
        {{"name", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Project"), F::Text, {}},
         {"status", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Status"), F::Text, {}},
         {"end_date", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Ends"), F::Date, {}}},
        this);
    m_projects = new sales::ListPanel(model);
    m_projects->setObjectName("projectList");
    m_projects->setEmptyText(tr("No projects in your scope. Projects appear here when a signed "
                                "contract is handed over to delivery."));
    QHeaderView *header = m_projects->view()->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    m_projects->view()->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_projects->view()->setWordWrap(false);
    m_projects->view()->setItemDelegateForColumn(1, new StatusDelegate(this));

    m_status->setObjectName("projectStatusFilter");
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("Planned"), QStringLiteral("planned"));
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("On hold"), QStringLiteral("on_hold"));
    m_status->addItem(tr("Closed"), QStringLiteral("closed"));
    // Running projects first: closed ones are history.
    m_status->setCurrentIndex(2);
    model->setFilter(QStringLiteral("status"), QStringLiteral("active"));
    connect(m_status, &QComboBox::currentIndexChanged, this, [this, model] {
        model->setFilter(QStringLiteral("status"), m_status->currentData().toString());
        model->reload();
    });

    m_workspace = new ProjectWorkspace(session->api());
    connect(m_projects, &sales::ListPanel::activated, this, &DeliveryPage::openProject);
    connect(m_projects->view(), &QTableView::clicked, this, [this](const QModelIndex &index) {
        openProject(index.data(sales::PagedListModel::IdRole).toString());
    });

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addWidget(m_status);
    leftLayout->addWidget(m_projects, 1);

    auto *splitter = new QSplitter;
    splitter->setObjectName("deliverySplitter");
    splitter->addWidget(left);
    splitter->addWidget(m_workspace);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({440, 840});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
}

void DeliveryPage::openProject(const QString &id)
{
    if (!id.isEmpty() && id != m_workspace->detail()->projectId())
        m_workspace->openProject(id);
}

void DeliveryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        auto *model = m_projects->model();
        connect(model, &sales::PagedListModel::pageLoaded, this, [this, model] {
            if (m_workspace->detail()->projectId().isEmpty() && model->rowCount() > 0) {
                m_projects->view()->selectRow(0);
                openProject(model->rowId(0));
            }
        });
        model->reload();
    }
}

} // namespace keel::delivery
