#include "approvals_page.h"

#include "approvals_inbox.h"
#include "sales/list_panel.h"
#include "session.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::approvals {

ApprovalsPage::ApprovalsPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new InboxModel(session->api(), this)),
      m_title(new QLabel), m_message(new QLabel), m_approve(new QPushButton),
      m_reject(new QPushButton)
{
    setObjectName("workspacePage_approvals");
    m_title->setObjectName("pageTitle");
    m_title->setText(tr("Approvals"));
    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_approve->setText(tr("Approve"));
    m_reject->setText(tr("Reject…"));
    m_approve->setObjectName("approveButton");
    m_reject->setObjectName("rejectButton");
    m_approve->setProperty("primary", true);

    m_list = new sales::ListPanel(m_model);
    m_list->setEmptyText(tr("Nothing waits for your approval. Quotes, change orders and other "
                            "documents that need your decision will appear here."));
    m_list->view()->setSortingEnabled(false);

    auto *summary = new QLabel(tr("Documents waiting for your decision. You never approve your "
                                  "own submissions; they go to someone else."));
    summary->setObjectName("pageSummary");
    summary->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(summary, 1);
    bar->addWidget(m_reject);
    bar->addWidget(m_approve);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);

    connect(m_approve, &QPushButton::clicked, this, [this] { approveCurrent(); });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(
            this, tr("Reject"), tr("Tell the submitter why (required):"), QString(), &ok);
        if (ok && !comment.trimmed().isEmpty())
            rejectCurrent(comment.trimmed());
    });
    connect(m_model, &InboxModel::decided, this, [this](const QString &, bool approved) {
        m_message->setProperty("error", false);
        m_message->setText(approved ? tr("Approved.")
                                    : tr("Rejected; the submitter sees your comment."));
        m_message->show();
        reload();
        emit decided();
    });
    connect(m_model, &InboxModel::decisionFailed, this, [this](const QString &, const QString &m) {
        m_message->setProperty("error", true);
        m_message->setText(m);
        m_message->show();
        updateButtons();
    });
    connect(m_list->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ApprovalsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ApprovalsPage::updateButtons);
    updateButtons();
}

void ApprovalsPage::reload()
{
    m_model->reload();
}

void ApprovalsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void ApprovalsPage::updateButtons()
{
    const bool any = m_list->view()->currentIndex().isValid();
    m_approve->setEnabled(any);
    m_reject->setEnabled(any);
}

void ApprovalsPage::approveCurrent(const QString &comment)
{
    const QModelIndex i = m_list->view()->currentIndex();
    if (!i.isValid())
        return;
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_model->approve(i.row(), comment);
}

void ApprovalsPage::rejectCurrent(const QString &comment)
{
    const QModelIndex i = m_list->view()->currentIndex();
    if (!i.isValid())
        return;
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_model->reject(i.row(), comment);
}

} // namespace keel::approvals
