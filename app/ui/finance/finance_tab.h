#pragma once

#include <QWidget>

class QLabel;
class QLayout;

namespace keel::finance {

class FinanceScope;

// What the four tabs share: they load when first shown and again when the entity changes,
// have a bar of controls over their content, and one outcome line between them.
class FinanceTab : public QWidget
{
    Q_OBJECT
public:
    FinanceTab(FinanceScope *scope, QWidget *parent = nullptr);

    // Loads everything again for the scope's entity; hides the outcome line.
    virtual void refresh() = 0;
    QString messageText() const;

protected:
    void showEvent(QShowEvent *event) override;
    // Call first in refresh(): marks the tab loaded; false while no entity is chosen yet.
    bool beginRefresh();
    void showMessage(const QString &text, bool error);
    // The bar above, the outcome line, the content below taking the room.
    void setContent(QLayout *bar, QWidget *content);

    FinanceScope *m_scope;

private:
    QLabel *m_message;
    bool m_shown = false;
};

} // namespace keel::finance
