// The smallest parley app: one question, one answer. Built against an
// installed libparley by tests/install/check-install.sh, exactly as the
// README shows:
//   c++ -std=c++20 hello.cc $(pkg-config --cflags --libs parley) -o hello
#include <parley/parley.h>
#include <iostream>

int main(int argc, char** argv) {
  auto bot = parley::Bot::open({.intents = argc > 1 ? argv[1] : "", .store = argc > 2 ? argv[2] : "shop.db"});
  if (!bot) return std::cerr << bot.error().message() << "\n", 1;
  std::cout << bot->respond("session-1", "hi, where is my order?").text << "\n";
}
