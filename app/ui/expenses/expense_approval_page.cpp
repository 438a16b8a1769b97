#include "expense_approval_page.h"

#include "expense_report_inbox.h"
#include "json_array_model.h"
#include "session.h"
#include "timeapproval/list_style.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace keel::expenses {

ExpenseApprovalPage::ExpenseApprovalPage(Session *session, QWidget *parent)
    : QWidget(parent), m_inbox(new ExpenseReportInbox(session->api(), this)),
      m_view(new QTableView), m_detail(new QTextBrowser), m_message(new QLabel),
      m_approve(new QPushButton), m_reject(new QPushButton)
{
    setObjectName("expenseApprovalPage");
    auto *title = new QLabel(tr("Approve expenses"));
    title->setObjectName("pageTitle");
    auto *intro = new QLabel(tr("Expense reports waiting for your step: the employee's manager "
                                "decides first, then finance. Breaches of the policy come with "
                                "the employee's justification."));
    intro->setObjectName("pageSummary");
    intro->setWordWrap(true);

    m_view->setModel(m_inbox->model());
    timeapproval::styleListView(m_view);
    m_view->setObjectName("expenseReportList");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(0, 170);
    m_view->horizontalHeader()->resizeSection(1, 220);
    m_view->horizontalHeader()->resizeSection(2, 120);
    m_detail->setObjectName("expenseReportDetail");
    m_detail->setPlaceholderText(tr("Select a report to see its expenses."));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_approve->setObjectName("approveReport");
    m_reject->setObjectName("rejectReport");
    m_approve->setText(tr("Approve"));
    m_reject->setText(tr("Reject…"));
    m_approve->setProperty("primary", true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &ExpenseApprovalPage::approveCurrent);
    connect(m_reject, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(
            this, tr("Reject report"),
            tr("Tell the employee why (required); the expenses go back to them:"), QString(), &ok);
        if (ok)
            rejectCurrent(comment);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        m_detail->clear();
        m_inbox->loadDetail(currentId());
    });
    connect(m_inbox, &ExpenseReportInbox::detailLoaded, this, [this](const QJsonObject &r) {
        if (r.value("id").toVariant().toString() == currentId())
            m_detail->setPlainText(ExpenseReportInbox::detailText(r));
    });
    connect(m_inbox, &ExpenseReportInbox::loaded, this, &ExpenseApprovalPage::updateButtons);
    connect(m_inbox, &ExpenseReportInbox::loadFailed, this,
            [this](const QString &m) { showMessage(m, true); });
    connect(m_inbox, &ExpenseReportInbox::decided, this, [this](const QString &, bool approved) {
        showMessage(approved ? tr("Approved.") : tr("Rejected; the employee sees your comment."),
                    false);
        m_detail->clear();
    });
    connect(m_inbox, &ExpenseReportInbox::decisionFailed, this, [this](const QString &m) {
        showMessage(m, true);
        updateButtons();
    });
    updateButtons();
}

void ExpenseApprovalPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        reload();
}

void ExpenseApprovalPage::reload()
{
    m_loadedOnce = true;
    m_inbox->reload();
}

QString ExpenseApprovalPage::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_inbox->model()->rowObject(i.row()).value("id").toVariant().toString()
                       : QString();
}

void ExpenseApprovalPage::approveCurrent()
{
    if (currentId().isEmpty())
        return;
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_inbox->decide(currentId(), true, QString());
}

void ExpenseApprovalPage::rejectCurrent(const QString &comment)
{
    if (currentId().isEmpty())
        return;
    m_inbox->decide(currentId(), false, comment);
}

QString ExpenseApprovalPage::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

QString ExpenseApprovalPage::detailText() const
{
    return m_detail->toPlainText();
}

void ExpenseApprovalPage::updateButtons()
{
    const bool any = !currentId().isEmpty();
    m_approve->setEnabled(any);
    m_reject->setEnabled(any);
}

void ExpenseApprovalPage::showMessage(const QString &text, bool error)
{
    timeapproval::showOutcome(m_message, text, error);
}

} // namespace keel::expenses
