//! The Trunk entry point: everything happens in [`policy_explorer_app::start`].

fn main() {
    policy_explorer_app::start();
}
