#pragma once

#include "workspaces.h"

#include <QWidget>

class QLabel;

namespace keel {

// Placeholder page of a workspace that is not built yet: its name, what it will hold and a
// clear "in preparation" note, so an empty area never looks broken.
class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspacePage(const Workspace &workspace, QWidget *parent = nullptr);

    QString workspaceId() const { return m_workspace.id; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Workspace m_workspace;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_badge;
    QLabel *m_cardTitle;
    QLabel *m_cardText;
};

} // namespace keel
