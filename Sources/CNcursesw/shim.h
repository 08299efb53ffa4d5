// The only C we need for ncurses. NCURSES_WIDECHAR must be set by hand: SwiftPM drops the
// _XOPEN_SOURCE flags pkg-config would give, and without them ncursesw hides its wide-character functions.
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <term.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static inline WINDOW *tui_stdscr(void) { return stdscr; }
static inline attr_t tui_A_BOLD(void) { return A_BOLD; }
static inline attr_t tui_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t tui_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t tui_A_DIM(void) { return A_DIM; }
static inline attr_t tui_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t tui_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

// Signals that must end the program cleanly (terminal restored, nothing half-written): the handler only
// records which one arrived; the event loop reads it between keys.
static volatile sig_atomic_t tui_pending_signal = 0;
static inline void tui_record_signal(int sig) { tui_pending_signal = sig; }
static inline void tui_install_signal_handlers(void) {
    struct sigaction sa;
    sa.sa_handler = tui_record_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees the signal
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
}
static inline int tui_take_signal(void) {
    int s = tui_pending_signal;
    tui_pending_signal = 0;
    return s;
}
