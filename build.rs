//! Release builds embed the web app and every build the message catalogs:
//! rebuild when either changed.
fn main() {
    println!("cargo:rerun-if-changed=frontend/dist");
    println!("cargo:rerun-if-changed=locales");
}
