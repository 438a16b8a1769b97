#include "workspace_page.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace keel {

WorkspacePage::WorkspacePage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_title(new QLabel), m_summary(new QLabel),
      m_badge(new QLabel), m_cardTitle(new QLabel), m_cardText(new QLabel)
{
    setObjectName(QStringLiteral("workspacePage_") + workspace.id);
    m_title->setObjectName("pageTitle");
    m_summary->setObjectName("pageSummary");
    m_badge->setObjectName("pageBadge");
    m_cardTitle->setObjectName("cardTitle");
    m_cardText->setObjectName("cardText");
    m_summary->setWordWrap(true);
    m_cardText->setWordWrap(true);

    auto *card = new QFrame;
    card->setObjectName("placeholderCard");
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(24, 20, 24, 22);
    cardLayout->setSpacing(8);
    cardLayout->addWidget(m_badge, 0, Qt::AlignLeft);
    cardLayout->addWidget(m_cardTitle);
    cardLayout->addWidget(m_cardText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(36, 28, 36, 28);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addSpacing(22);
    layout->addWidget(card);
    layout->addStretch(1);
    retranslate();
}

void WorkspacePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WorkspacePage::retranslate()
{
    m_title->setText(m_workspace.title());
    m_summary->setText(m_workspace.summary());
    m_badge->setText(tr("IN PREPARATION"));
    m_cardTitle->setText(tr("This workspace is on its way"));
    m_cardText->setText(
        tr("Your account already has access to %1. Its views arrive with the next releases "
           "of Keel; until then, this page marks its place.")
            .arg(m_workspace.title()));
}

} // namespace keel
